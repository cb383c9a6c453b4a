"""The words the context rules look for: cue words by kind, and the closed word classes
(prepositions, determiners, auxiliaries...) that the speaker and target rules step over.
Every list is quoted in ``docs/context-rules.md``."""
from __future__ import annotations

# Cue kinds, as bit flags: one word may be several ("claimed" is a speech verb and a hedge).
NEG, NEG_VERB, HEDGE, HEDGE_AFTER, SPEECH, WEAK_SPEECH, ACCORDING, CALL, BOUND, THAT, \
    SUFFIX, DISTANCE = (1 << i for i in range(12))

VOCABULARY = {
    NEG: "not|no|never|cannot|neither|nor|nobody|none|nothing|nowhere|without|hardly|"
         "scarcely|barely",
    NEG | SUFFIX: "n't|n’t",
    NEG_VERB: "denied|denies|deny|denying|rejected|rejects|reject|rejecting|refused|refuses|"
              "refuse|refusing|ruled out|rules out|dismissed|dismisses",
    HEDGE | DISTANCE: "so-called|so called",
    HEDGE: "alleged|likely|unlikely|possibly|probably|perhaps|maybe|may|might|could|purported|"
           "seems|seem|seemed|appears|appear|appeared|claims|claim|potentially|rumored|"
           "rumoured|suspected",
    HEDGE | HEDGE_AFTER: "allegedly|reportedly|apparently|supposedly|purportedly|seemingly|"
                         "presumably|ostensibly",
    HEDGE | SPEECH: "claimed|claiming",
    SPEECH: "said|says|say|saying|told|tell|tells|telling|stated|stating|stressed|stresses|"
            "stressing|added|adds|adding|declared|declares|declaring|announced|announces|"
            "announcing|warned|warns|accused|accuses|accusing|insisted|insists|insisting|argued|"
            "argues|arguing|noted|noting|explained|explains|asserted|asserts|urged|urges|urging|"
            "demanded|confirmed|confirms|admitted|admits|acknowledged|acknowledges|suggested|"
            "suggests|wrote|writes|tweeted|replied|clarified|asked|asks|emphasized|emphasised|"
            "emphasizes|emphasises|underlined|underscored|reiterated|affirmed|vowed|vows|pledged|"
            "threatened|threatens|predicted|complained|conceded|boasted|lamented|recalled|"
            "commented|remarked|believe|believes|indicated|indicates|pointed out|"
            "appealed|described|describes|branded|labelled|labeled|dubbed|termed",
    WEAK_SPEECH: "notes|states|demands|reports|reported",
    CALL: "call|calls|called|calling",
    ACCORDING: "according to",
    BOUND: "but|while|whereas|although|though|however|because|which|who|whom|whose|when|if|"
           "unless|whether|where",
    THAT: "that",
}
NAMING_VERBS = {"described", "describes", "branded", "labelled", "labeled", "dubbed", "termed"}

#: Characters stripped from a word's ends before it is compared with a word list.
STRIP = "“”\"‘’'()[]{},.;:!?—–…«»/"
CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
DASHES = (",", "–", "—", "-")
CLAUSE_WORDS = set(VOCABULARY[BOUND].split("|")) | {"that"}
#: Speech verbs that may come before their speaker: "..., said Tillerson".
INVERTIBLE = {"said", "says", "added", "adds", "noted", "notes", "explained", "stressed",
              "declared", "wrote", "tweeted", "replied", "insisted", "argued", "recalled",
              "remarked", "commented", "asserted", "stated"}
SCARE_QUOTE_MAX_WORDS = 3
SUBORDINATORS = {"after", "when", "as", "since", "before", "while", "if", "although", "though",
                 "because", "once", "until", "unless", "whereas", "whenever", "in", "by", "upon"}
PREPOSITIONS = {"in", "on", "at", "from", "to", "into", "onto", "of", "with", "without",
                "against", "by", "for", "over", "under", "toward", "towards", "across",
                "throughout", "near", "inside", "outside", "within", "between", "among", "about",
                "around", "through", "via", "beyond", "after", "before", "since", "during",
                "upon", "behind", "than", "like", "including", "per", "amid", "despite"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"}
CONJUNCTIONS = {"and", "or", "that", "which", "who", "while", "but", "whereas", "although",
                "though", "because", "if", "when", "as", "both", "either", "neither", "nor",
                "then", "also", "so", "whether", "once"}
#: Prepositions after which a mention is a place, never the target ("in Syria").
LOCATIVE = {"in", "inside", "within", "throughout", "across", "near", "at", "into", "around"}
FUNCTION = PREPOSITIONS | DETERMINERS | {
    "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does",
    "did", "to", "that", "which", "who", "whom", "whose", "it", "not", "no", "as", "so", "if",
    "when", "while", "what", "also", "said", "says", "say"}
#: Words that may stand between a speaker and the speech verb: "Dmitry Peskov later added".
SKIP_BEFORE_VERB = {"also", "later", "earlier", "previously", "recently", "again", "then",
                    "already", "repeatedly", "once", "further", "himself", "herself", "itself",
                    "themselves", "publicly", "privately", "openly", "separately",
                    "subsequently", "has", "have", "had", "will", "would", "reportedly",
                    "allegedly", "is", "are", "was", "were", "been", "being", "did", "does",
                    "explicitly", "clearly"}
OPENERS = {"that", ":", "“", '"'}
WHEN = {"in", "on", "last", "this", "next", "early", "late", "since"}
REFUSALS = {"declined", "declines", "refused", "refuses", "unwilling", "reluctant"}
AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
               "may", "might", "must", "should", "did", "does", "do", "said", "says"}
PASSIVE_AUX = {"is", "are", "was", "were", "been", "being", "be"}
ACTIVE_SKIP = SKIP_BEFORE_VERB - PASSIVE_AUX
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
#: Lower-case words inside a proper name: "Secretary of State", "Abu Bakr al Baghdadi".
CONNECTORS = {"of", "al", "bin", "ibn", "de", "la", "van", "von", "du", "abu", "el", "and"}
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
ADJECTIVAL_ENDINGS = ("ian", "ean", "ese", "ish", "i", "ic")
