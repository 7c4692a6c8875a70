# The types of the names `pipeline/parse/__init__.py` loads lazily.
from pipeline.parse.base import Parser as Parser
from pipeline.parse.base import Source as Source
from pipeline.parse.options import ParseOptions as ParseOptions
from pipeline.parse.registry import PARSERS as PARSERS
from pipeline.parse.registry import choose_parser as choose_parser
from pipeline.parse.registry import delegate as delegate
from pipeline.parse.registry import parse as parse

__all__ = ["PARSERS", "ParseOptions", "Parser", "Source", "choose_parser", "delegate", "parse"]
