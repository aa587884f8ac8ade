"""Sample conversation scripts: about two a month, both flows, most with how it went.

Each script retells one of a handful of everyday moments (late home without a
text, a missed recital, a shared secret) with small variations; older ones carry
an outcome, the newest is a draft still being written.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING

from trusttui.core.flows import get_flow
from trusttui.core.scripts import TABLE, Outcome, Script

if TYPE_CHECKING:
    from trusttui.core.demo import DemoContext

PER_YEAR = 24
DRAFT_STEPS = 3

HURT = (
    (
        "Late home on {day}",
        {
            "happened": "On {day} we agreed you'd be home by seven. You came in after ten, "
            "and I didn't hear from you.",
            "felt": "I felt worried, and then hurt and a bit lonely.",
            "need": "I need to be able to count on what we agree, or to hear when it changes.",
            "request": "Would you be willing to text me before seven if you'll be late?",
            "questions": "How did that evening look from your side?",
            "listen": "What I'm hearing is that work ran over and it felt hard to stop. "
            "Did I get that right?",
            "closing": "Thank you for hearing me. I'm telling you because I want us to be close.",
        },
    ),
    (
        "The plans that changed",
        {
            "happened": "On {day} I found out from Jo that the weekend plans had changed.",
            "felt": "I felt left out and sad.",
            "need": "I need to be included in plans that involve me.",
            "request": "Could we check with each other before we change shared plans?",
            "questions": "What made it hard to tell me?",
            "listen": "So for you, it felt like a small thing at the time.",
            "closing": "I love how we plan things together. I'd like to keep that.",
        },
    ),
    (
        "What I told you in confidence",
        {
            "happened": "Something I told you in confidence came up at dinner with friends "
            "on {day}.",
            "felt": "I felt embarrassed and exposed, and then very sad.",
            "need": "I need to know that what I share with you stays with you.",
            "request": "Would you be willing to ask me first before you share something "
            "I told you?",
            "questions": "What was going on for you when it came up?",
            "listen": "It sounds like you didn't realise it was private. Is there more?",
            "closing": "I'm glad we talked. I want to keep telling you things.",
        },
    ),
    (
        "The phone at dinner",
        {
            "happened": "At dinner on {day} you were on your phone for most of the meal.",
            "felt": "I felt lonely, sitting across from you.",
            "need": "I'd like more time together where we're both really there.",
            "request": "Could we keep phones in the hall during dinner on weekdays?",
            "questions": "What would make that easier for you?",
            "listen": "Let me check I've got this right: you were waiting for news about your dad.",
            "closing": "Thank you for listening. Dinner with you matters to me.",
        },
    ),
)

REPAIR = (
    (
        "Missing the recital",
        {
            "regret": "I'm sorry I missed your recital on {day}.",
            "explanation": "I stayed late at work and lost track of the time.",
            "responsibility": "That was my fault. I broke my promise to you.",
            "repentance": "From now on I'll put your dates in my calendar the day I hear them.",
            "repair": "I'd like to take you to dinner on Friday to hear all about it.",
            "questions": "What was it like for you when I didn't come?",
            "listen": "It sounds like you kept looking for me. That makes sense.",
            "forgiveness": "I hope, in time, you can forgive me. Take all the time you need.",
        },
    ),
    (
        "The money I didn't mention",
        {
            "regret": "I'm sorry I didn't tell you about the money I spent on {day}.",
            "explanation": "I told myself it was small, and I was wrong.",
            "responsibility": "I should have told you. There's no excuse for it.",
            "repentance": "From now on I'll tell you the same day about anything over fifty.",
            "repair": "Can I go through last month's spending with you on Sunday?",
            "questions": "What would help you feel sure about money between us?",
            "listen": "What I'm hearing is that it's the not knowing that hurt most.",
            "forgiveness": "Can you forgive me?",
        },
    ),
    (
        "Forgetting to call",
        {
            "regret": "I'm sorry I didn't call on {day} like I said I would.",
            "explanation": "I forgot to set a reminder, and the evening got away from me.",
            "responsibility": "I let you down. That's on me.",
            "repentance": "Next time I'll set the reminder while we're still talking.",
            "repair": "Let me call you tonight at eight, and I'll have the whole evening free.",
            "questions": "How was it for you, waiting?",
            "listen": "So for you, it felt like you weren't a priority.",
            "forgiveness": "I hope you can forgive me.",
        },
    ),
    (
        "The school pick-up",
        {
            "regret": "I'm so sorry I was late for the pick-up on {day}.",
            "explanation": "I thought the meeting would end on time and didn't check.",
            "responsibility": "I made a mistake, and you had to sort it out alone.",
            "repentance": "From now on I'll leave at three whatever the meeting is doing.",
            "repair": "I'll take the pick-ups next week so you can have your afternoons.",
            "questions": "What would help make this right for you?",
            "listen": "That makes sense to me, because you were stuck at work too.",
            "forgiveness": "Would you give me another chance with this?",
        },
    ),
)

HOW = (
    "Calmer than I feared",
    "We both listened",
    "Hard, but we got there",
    "Tearful, then close",
    "We made a plan together",
    "Short and kind",
    "We ran out of time; finishing on Sunday",
    "It helped to say it out loud",
)
HELPED = (
    "Starting with what happened, not why",
    "Asking how the day looked for them",
    "A slow breath before the request",
    "Saying back what I heard",
    "Talking on a walk, side by side",
    "Owning it before explaining",
    "",
)
NEXT_TIME = (
    "Pick a quieter moment",
    "Say the request sooner",
    "Ask one question, then wait",
    "Keep it shorter",
    "Not late at night",
    "",
)


def generate(ctx: DemoContext) -> int:
    count = PER_YEAR * ctx.years
    span = (ctx.now - ctx.start).total_seconds()
    moments = sorted(ctx.start + timedelta(seconds=ctx.rng.uniform(0, span)) for _ in range(count))
    docs = []
    for index, created in enumerate(moments):
        flow = "hurt" if ctx.rng.random() < 0.55 else "repair"
        title, texts = ctx.rng.choice(HURT if flow == "hurt" else REPAIR)
        event = created - timedelta(days=ctx.rng.randint(1, 3))
        day = f"{event:%A}"
        steps = {name: text.format(day=day) for name, text in texts.items()}
        newest = index == count - 1
        if newest:
            names = [step.name for step in get_flow(flow).steps][:DRAFT_STEPS]
            steps = {name: steps[name] for name in names}
        updated = min(created + timedelta(minutes=ctx.rng.randint(10, 90)), ctx.now)
        outcome = None
        if not newest and ctx.now - created > timedelta(days=3) and ctx.rng.random() < 0.75:
            outcome = Outcome(
                ctx.rng.choice(HOW), ctx.rng.choice(HELPED), ctx.rng.choice(NEXT_TIME)
            )
            updated = min(created + timedelta(days=ctx.rng.randint(1, 3)), ctx.now)
        script = Script(
            id=uuid.UUID(int=ctx.rng.getrandbits(128), version=4).hex,
            title=title.format(day=day),
            flow=flow,
            steps=steps,
            created=created.replace(microsecond=0),
            updated=updated.replace(microsecond=0),
            outcome=outcome,
        )
        docs.append(script.as_doc())
    ctx.db.table(TABLE).insert_multiple(docs)
    return len(docs)
