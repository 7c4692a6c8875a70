"""Minutes and votes in the formats parliaments exchange: Akoma Ntoso `debate` XML
(`akn`) and Popolo-style vote events in JSON (`popolo`)."""
