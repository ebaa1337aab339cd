"""A small invented corpus for the real-corpus evaluation: three stories, each with a copy from
another outlet (another dateline and byline, a reworded lead, other paragraphing, a caption),
and two articles with no copy. All text is invented."""

from __future__ import annotations

import json
from pathlib import Path

TUNNEL = [
    "Harbour Tunnel to Close for Six Months",
    "KESTRAVIK (Northwire) — The only road tunnel under Kestravik harbour will close in"
    " October for six months of repairs, the regional roads agency said on Tuesday.",
    "Engineers found cracks in the concrete lining during a routine inspection last spring and"
    " recommended that the work begin before the winter storms reach the coast.",
    "“We cannot keep a tunnel open when its lining is failing. Safety comes before"
    " convenience,” said Ingrid Salvesen, who heads the agency's bridges and tunnels office.",
    "Commuters will be sent over the old swing bridge, which adds about twenty minutes to the"
    " journey between the eastern suburbs and the city centre at peak hours.",
    "Local businesses on the eastern shore have asked the agency for a free ferry during the"
    " closure, arguing that the detour will cost them customers through the busy season.",
    "“Our shops live on people who drive through on their way home. Six months is a long"
    " time for a small bakery,” said Tomas Ekre, who chairs the shore traders' association.",
    "The agency said it would decide on the ferry request by the end of the month, after"
    " talks with the city council and the two bus companies that use the tunnel.",
]

TUNNEL_COPY = [
    "Kestravik harbour tunnel shut for repairs",
    "By Mira Vantreck, Coastal Daily",
    "Kestravik's harbour tunnel, the only road link under the water, is to shut in October"
    " for half a year of repairs, the regional roads agency announced.",
    "Photo: the eastern entrance of the tunnel (Coastal Daily)",
    TUNNEL[2],
    TUNNEL[3],
    "Commuters will be sent over the old swing bridge.",
    "That adds about twenty minutes to the journey between the eastern suburbs and the city"
    " centre at peak hours.",
    TUNNEL[5],
    TUNNEL[6],
    TUNNEL[7],
]

ORCHARD = [
    "Apple growers form a cooperative after a poor harvest",
    "VELLMARK — Forty apple growers in the Vellmark valley have formed a cooperative to share"
    " cold storage and sell directly to supermarkets after a second poor harvest in a row.",
    "The growers say late frosts destroyed nearly half of the blossom in April, and that the"
    " prices paid by wholesalers no longer cover the cost of picking the fruit by hand.",
    "“Alone, none of us can afford a cold store. Together we can keep the fruit until the"
    " prices recover,” said Hanne Lidvall, who grows apples on the valley's north slope.",
    "The cooperative will rent a disused dairy near the railway station and hopes to open its"
    " first cold rooms before the picking season starts in September.",
    "Regional officials welcomed the plan and said a rural development fund could pay for part"
    " of the refrigeration equipment if the growers submit their application in time.",
    "“This is exactly the kind of project the fund was set up for. We will help them with"
    " the paperwork,” said Ola Brenne, the region's agriculture officer.",
]

ORCHARD_COPY = [
    "Vellmark growers join forces",
    "Updated 14 June | Valley Courier",
    "After a second bad harvest in a row, forty apple growers of the Vellmark valley have"
    " joined forces in a cooperative that will share cold storage and sell to supermarkets.",
    ORCHARD[2],
    ORCHARD[3],
    ORCHARD[4],
    ORCHARD[5],
    ORCHARD[6],
    "Advertisement",
]

OBSERVATORY = [
    "University to close hilltop observatory",
    "The university of Asterby will close its hilltop observatory at the end of the year,"
    " ending more than a century of public stargazing evenings on the hill above the town.",
    "The dome's telescope has not been used for research since the nineteen-nineties, and the"
    " building needs a new roof that the physics department says it cannot afford this year.",
    "“It breaks my heart, but we have to spend our money on students and laboratories. The"
    " telescope will go to the town museum,” said Professor Edda Runeberg.",
    "Amateur astronomers have started a petition to keep the site open and say that more than"
    " two thousand people signed it in the first weekend after the announcement.",
    "“Children see Saturn's rings for the first time up there. You cannot replace that with"
    " a museum case,” said Jon Halvorsen, who runs the town's astronomy club.",
    "The university said it would meet the club in the autumn to discuss whether volunteers"
    " could take over the building under a long lease from the town.",
]

OBSERVATORY_COPY = [
    "Asterby observatory to shut",
    "ASTERBY, 3 March — Asterby university is to shut its hilltop observatory when the year"
    " ends, after more than a hundred years of stargazing evenings open to the public.",
    OBSERVATORY[2],
    OBSERVATORY[3],
    OBSERVATORY[4],
    OBSERVATORY[5],
    OBSERVATORY[6],
]

MARKET = [
    "Night market returns to the old square",
    "The night market returns to the old square on Friday after a two-year break, with"
    " sixty stalls selling food, books and second-hand clothes until midnight.",
    "“People asked for it every week. We finally found a sponsor for the lighting,” said"
    " the organiser, Britt Amundsen, standing among stacks of folding tables.",
    "The town will close three streets around the square to traffic from six in the evening"
    " and run extra late buses to the outer districts until one in the morning.",
]

CHOIR = [
    "Children's choir wins national prize",
    "A children's choir from the fishing village of Solvik has won the national youth choir"
    " prize with a programme of old sea songs arranged by its conductor.",
    "The thirty singers, aged nine to fourteen, rehearse twice a week in the village school's"
    " gym because the church hall has been closed for repairs since the summer.",
    "“They sang as if the whole village were listening. It was simply the best performance of"
    " the day,” said the jury's chair, the composer Lise Varde.",
]


def text(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


DOCUMENTS = {
    "tunnel-a": TUNNEL,
    "tunnel-b": TUNNEL_COPY,
    "orchard-a": ORCHARD,
    "orchard-b": ORCHARD_COPY,
    "observatory-a": OBSERVATORY,
    "observatory-b": OBSERVATORY_COPY,
    "market": MARKET,
    "choir": CHOIR,
}
STORIES = {("tunnel-a", "tunnel-b"), ("orchard-a", "orchard-b"), ("observatory-a", "observatory-b")}


def write_jsonl(
    path: Path,
    ids: list[str] | None = None,
    text_field: str = "text",
    id_field: str = "id",
    replace: dict[str, str] | None = None,
) -> Path:
    """The corpus (or the named documents) as JSONL; `replace` swaps in other texts by id."""
    with path.open("w", encoding="utf-8") as out:
        for doc_id in ids or list(DOCUMENTS):
            body = (replace or {}).get(doc_id, text(DOCUMENTS[doc_id]))
            out.write(json.dumps({id_field: doc_id, text_field: body}, ensure_ascii=False) + "\n")
    return path
