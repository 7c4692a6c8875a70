"""Machine translation: engines behind one interface, a router, the glossary and the stage.

Layout: `engines` (the interface and the identity engine), `apertium` and `argos` (the two real
engines), `router` (best engine per pair, pivots), `glossary` (protected terms), `service`
(segments through memory, glossary and route), `stage` (the `translate` pipeline stage).
Nothing here ever touches the network: engines that would download are given offline parts.
"""
