"""Actor recognition: who a news text names, resolved to stable ids from TOML lexicons.

    lexicon = load_actor_lexicon()            # cached; immutable; share it between threads
    findings = find_actors(text, lexicon, published=date(2013, 1, 22))
    findings.mentions   # ActorMention(actor, span, text, via, head), in text order
    findings.actors     # id -> Actor, with the surface forms this text used added to aliases
"""

from timeline_app.extract.actors.lexicon import (
    ActorLexicon,
    LexiconError,
    clear_lexicon_cache,
    load_actor_lexicon,
)
from timeline_app.extract.actors.mention import VIAS, ActorFindings, ActorMention
from timeline_app.extract.actors.recognise import find_actors

__all__ = [
    "VIAS", "ActorFindings", "ActorLexicon", "ActorMention", "LexiconError", "clear_lexicon_cache",
    "find_actors", "load_actor_lexicon",
]
