# ruff: noqa: E501 -- each pinned message is kept whole, on one line
"""Parse errors, pinned word for word: the message a user reads for each bad input.

Other tests check that a message *contains* the right words; this table pins the whole of it
(position, wording, hint) for inputs that exercise every path of the scanner, the lexer's
refinements (words, numbers, rational literals, bars, indicators, primes and argument
positions, radicals, arguments written without parentheses), the LALR driver and the
builder, so that a faster scanner or driver cannot change what is said.  An unknown
function's message no longer lists the function table (it says where the list is), so it
is pinned here too.
"""

from __future__ import annotations

import pytest

from symdiff.errors import DomainError, LimitError, ParseError, SymdiffError, UnsupportedError
from symdiff.limits import Limits
from symdiff.parsing.parser import parse_definition

DEFAULT = Limits()
SMALL = Limits(max_literal_digits=6, max_order=2, max_depth=6, max_nodes=40)

MESSAGES: list[tuple[str, Limits, type[SymdiffError], str]] = [
    # text, limits, error, the message (str of the error)
    ("x $ y", DEFAULT, ParseError, 'line 1, column 3: unexpected character "$"'),
    ("x_ + 1", DEFAULT, ParseError, 'line 1, column 2: unexpected character "_"'),
    (".x", DEFAULT, ParseError, 'line 1, column 1: unexpected character "."'),
    ("x:y", DEFAULT, ParseError, 'line 1, column 2: unexpected character ":"'),
    (
        "{x}",
        DEFAULT,
        ParseError,
        'line 1, column 1: unexpected character "{"; use ( ) for grouping',
    ),
    ("⁻", DEFAULT, ParseError, 'line 1, column 1: unexpected character "⁻"'),
    (
        "x + * y",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected "*" after "+": expected a number, a variable or "("',
    ),
    (
        "x +",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected end of input: expected a number, a variable or "(" after "+"',
    ),
    (
        "*x",
        DEFAULT,
        ParseError,
        'line 1, column 1: unexpected "*" at the start: expected a number, a variable or "("',
    ),
    (
        "2 3",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected "3" after "2": expected an operator',
    ),
    (
        "x 2",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected "2" after "x": expected an operator',
    ),
    (
        "(x + 1",
        DEFAULT,
        ParseError,
        'line 1, column 7: unexpected end of input: expected an operator, ">", "<" or ")" (the "(" at line 1, column 1 is not closed)',
    ),
    ("x)", DEFAULT, ParseError, 'line 1, column 2: unbalanced ")": no "(" to close'),
    (
        "sin + x",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected "+" after "sin": expected "(" or an argument',
    ),
    (
        "sin'(x)",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected "\'" after "sin": expected "(" or an argument',
    ),
    (
        "sinx",
        DEFAULT,
        ParseError,
        'line 1, column 1: "sinx" is not a name: it contains the function "sin"; write sin(...) with parentheses, or separate factors with "*"',
    ),
    (
        "2xexp",
        DEFAULT,
        ParseError,
        'line 1, column 2: "xexp" is not a name: it contains the function "exp"; write exp(...) with parentheses, or separate factors with "*"',
    ),
    (
        "pi(x)",
        DEFAULT,
        ParseError,
        'line 1, column 1: "pi" before "(" is the constant pi, not a function; for the product write pi*(...)',
    ),
    (
        "max()",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected ")" after "(": expected a number, a variable or "("',
    ),
    (
        "x[1]",
        DEFAULT,
        ParseError,
        'line 1, column 2: unexpected "[" after "x": expected an operator',
    ),
    (
        "x'",
        DEFAULT,
        ParseError,
        'line 1, column 2: unexpected "\'" after "x": expected an operator',
    ),
    (
        "f'(x, y)",
        DEFAULT,
        ParseError,
        "line 1, column 2: f' of 2 arguments needs argument positions, as in f'[1](...)",
    ),
    (
        "g'[3](x, y)",
        DEFAULT,
        ParseError,
        "line 1, column 4: argument position 3 is not one of 1..2 of g",
    ),
    (
        "g''[1](x, y)",
        DEFAULT,
        ParseError,
        "line 1, column 2: 2 prime(s) but 1 argument position(s)",
    ),
    (
        "f'[1.5](x)",
        DEFAULT,
        ParseError,
        "line 1, column 4: argument position 1.5 is not one of 1..1 of f",
    ),
    (
        "f'[1,](x)",
        DEFAULT,
        ParseError,
        'line 1, column 6: unexpected "]" after ",": expected a number',
    ),
    (
        "f''''(x)",
        SMALL,
        LimitError,
        "the derivative at line 1, column 2 has order 4, over the limit 2 (max_order)",
    ),
    (
        "1234567 + x",
        SMALL,
        LimitError,
        "the number at line 1, column 1 has more than 6 digits (max_literal_digits)",
    ),
    (
        "1e7 x",
        SMALL,
        LimitError,
        "the number at line 1, column 1 has more than 6 digits (max_literal_digits)",
    ),
    (
        "1/1234567",
        SMALL,
        LimitError,
        "the number at line 1, column 1 has more than 6 digits (max_literal_digits)",
    ),
    (
        "((((((((x))))))))",
        SMALL,
        LimitError,
        "nesting depth at line 1, column 7 exceeds the limit 6 (max_depth)",
    ),
    (
        "x^x^x^x^x^x^x^x",
        SMALL,
        LimitError,
        "nesting depth at line 1, column 14 exceeds the limit 6 (max_depth)",
    ),
    (
        "-------x",
        SMALL,
        LimitError,
        "nesting depth at line 1, column 7 exceeds the limit 6 (max_depth)",
    ),
    (
        "x*1e999999999999",
        DEFAULT,
        LimitError,
        "the number at line 1, column 3 has more than 1000 digits (max_literal_digits)",
    ),
    (
        "2^1e5000",
        DEFAULT,
        LimitError,
        "the number at line 1, column 3 has more than 1000 digits (max_literal_digits)",
    ),
    (
        "sin x/2",
        DEFAULT,
        ParseError,
        'line 1, column 6: "sin x/" is ambiguous: write sin(x/...) or sin(x)/...',
    ),
    (
        "sin x(x+1)",
        DEFAULT,
        ParseError,
        'line 1, column 6: "sin x(" is ambiguous: write sin(x(...)) or sin(x)·(...)',
    ),
    (
        "sin x^y^z",
        DEFAULT,
        ParseError,
        "line 1, column 8: a tower of powers in an argument written without parentheses is ambiguous: write the argument in parentheses, as in sin(x^y^z)",
    ),
    (
        "ln x * y",
        DEFAULT,
        ParseError,
        'line 1, column 6: "ln x *" is ambiguous: write ln(x*...) or ln(x)*...',
    ),
    (
        "sin 2x|",
        DEFAULT,
        ParseError,
        'line 1, column 7: "sin 2x|" is ambiguous: write sin(2x|...) or sin(2x)|...',
    ),
    (
        "√x^2",
        DEFAULT,
        ParseError,
        'line 1, column 3: "√x^" is ambiguous: write √(x^...) or (√x)^...',
    ),
    ("√2x", DEFAULT, ParseError, 'line 1, column 3: "√2x" is ambiguous: write √(2x) or √2·x'),
    (
        "√x(x+1)",
        DEFAULT,
        ParseError,
        'line 1, column 3: "√x(" is ambiguous: write √(x(...)) or √x·(...)',
    ),
    ("√x²", DEFAULT, ParseError, 'line 1, column 3: "√x²" is ambiguous: write √(x²) or (√x)²'),
    ("∛xy", DEFAULT, ParseError, 'line 1, column 3: "∛xy" is ambiguous: write ∛(xy) or ∛x·y'),
    (
        "|x",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected end of input: expected an operator or "|"',
    ),
    (
        "x|",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected end of input: expected a number, a variable or "(" after "|"',
    ),
    (
        "||x|",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected end of input: expected an operator or "|"',
    ),
    (
        "|x||",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected end of input: expected a number, a variable or "(" after "|"',
    ),
    (
        "|(x|)",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected "|" after "x": expected an operator, ">", "<" or ")"',
    ),
    (
        "1(x > y",
        DEFAULT,
        ParseError,
        'line 1, column 8: unexpected end of input: expected an operator or ")" (the "(" at line 1, column 2 is not closed)',
    ),
    (
        "1(x > y > z)",
        DEFAULT,
        ParseError,
        'line 1, column 9: unexpected ">" after "y": expected an operator or ")"; a comparison goes in parentheses, as in 1(x > y)',
    ),
    (
        "(x > y",
        DEFAULT,
        ParseError,
        'line 1, column 7: unexpected end of input: expected an operator or ")" (the "(" at line 1, column 1 is not closed)',
    ),
    (
        "x > y",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected ">" after "x": expected an operator; a comparison goes in parentheses, as in 1(x > y)',
    ),
    (
        "1(x <)",
        DEFAULT,
        ParseError,
        'line 1, column 6: unexpected ")" after "<": expected a number, a variable or "("',
    ),
    ("5/0 + x", DEFAULT, DomainError, "division by zero (at line 1, column 2)"),
    ("x/0", DEFAULT, DomainError, "division by zero (at line 1, column 2)"),
    (
        "0^-1",
        DEFAULT,
        DomainError,
        "division by zero: 0 to the negative power -1 (at line 1, column 2)",
    ),
    (
        "0⁻²",
        DEFAULT,
        DomainError,
        "division by zero: 0 to the negative power -2 (at line 1, column 2)",
    ),
    ("3/0/2", DEFAULT, DomainError, "division by zero (at line 1, column 2)"),
    ("2 - 5/2^2/0", DEFAULT, DomainError, "division by zero (at line 1, column 10)"),
    (
        "sin^x(y)",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected "x" after "^": expected a number',
    ),
    (
        "sin^0(x)",
        DEFAULT,
        ParseError,
        "line 1, column 4: only a positive whole power (sin^2(x) is sin(x)^2) or -1 (the inverse function) may be written on a function's name; write sin(...)^0",
    ),
    (
        "sin^1.5(x)",
        DEFAULT,
        ParseError,
        "line 1, column 4: only a positive whole power (sin^2(x) is sin(x)^2) or -1 (the inverse function) may be written on a function's name; write sin(...)^(3/2)",
    ),
    (
        "exp^-1(x)",
        DEFAULT,
        UnsupportedError,
        "exp^-1 is the inverse function of exp, which symdiff does not know yet; for the reciprocal 1/exp(u) write exp(u)^-1 (at line 1, column 4)",
    ),
    (
        "sin^-2(x)",
        DEFAULT,
        ParseError,
        "line 1, column 4: only a positive whole power (sin^2(x) is sin(x)^2) or -1 (the inverse function) may be written on a function's name; write sin(...)^-2",
    ),
    (
        "x²³ˣ 2",
        DEFAULT,
        ParseError,
        'line 1, column 6: unexpected "2" after "²³ˣ": expected an operator',
    ),
    (
        "eˣ ²",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected "²" after "ˣ": expected an operator',
    ),
    (
        "x^",
        DEFAULT,
        ParseError,
        'line 1, column 3: unexpected end of input: expected a number, a variable or "(" after "^"',
    ),
    (
        "x**",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected end of input: expected a number, a variable or "(" after "**"',
    ),
    (
        "x***2",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected "*" after "**": expected a number, a variable or "("',
    ),
    (
        "x ÷ ÷ y",
        DEFAULT,
        ParseError,
        'line 1, column 5: unexpected "÷" after "÷": expected a number, a variable or "("',
    ),
    ("f(x, x) = x", DEFAULT, ParseError, 'line 1, column 6: parameter "x" is repeated'),
    (
        "f(x) = y + ",
        DEFAULT,
        ParseError,
        'line 1, column 11: unexpected end of input: expected a number, a variable or "(" after "+"',
    ),
    ("f(x,) = x", DEFAULT, ParseError, "line 1, column 5: expected a parameter name"),
    (
        "sin(x) = x",
        DEFAULT,
        ParseError,
        'line 1, column 1: "sin" is built in; it cannot be defined',
    ),
    ("f(x) = x = 1", DEFAULT, ParseError, 'line 1, column 10: unexpected character "="'),
    (
        "max",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected end of input: expected "(" or an argument',
    ),
    (
        "x + 1 = 3",
        DEFAULT,
        ParseError,
        'line 1, column 7: unexpected "=": only a definition such as "f(x, y) = x*y" contains "="',
    ),
    (
        "θ(x)",
        DEFAULT,
        ParseError,
        'line 1, column 1: "θ" before "(" is the Greek letter theta, not a function; for the product write θ*(...)',
    ),
    (
        "x\u200by",
        DEFAULT,
        ParseError,
        "line 1, column 2: the invisible, private or unassigned character U+200B (ZERO WIDTH SPACE) is not allowed; delete it",
    ),
    (
        "x + х",
        DEFAULT,
        ParseError,
        'line 1, column 5: character "х" (CYRILLIC SMALL LETTER HA) is not allowed; it looks like "x", type that instead',
    ),
    (
        "\\frac{1}{x}",
        DEFAULT,
        ParseError,
        "line 1, column 1: LaTeX input is not accepted; write 1/x for \\frac{1}{x}",
    ),
    (
        "lambda: 1",
        DEFAULT,
        ParseError,
        'line 1, column 7: unexpected character ":" (symdiff reads mathematics, not Python code)',
    ),
    (
        "x\n+\n*",
        DEFAULT,
        ParseError,
        'line 3, column 1: unexpected "*" after "+": expected a number, a variable or "("',
    ),
    ("w_1_ + 2", DEFAULT, ParseError, 'line 1, column 4: unexpected character "_"'),
    (
        "2.5.5",
        DEFAULT,
        ParseError,
        'line 1, column 4: unexpected ".5" after "2.5": expected an operator',
    ),
    (
        "x'[1]",
        DEFAULT,
        ParseError,
        'line 1, column 2: unexpected "\'" after "x": expected an operator',
    ),
    (
        "x foo(x)",
        DEFAULT,
        UnsupportedError,
        "unknown function 'foo' at line 1, column 3; for a product, write f*o*o*(...) (symdiff --functions lists the known functions)",
    ),
    (
        "sen(x)",
        DEFAULT,
        UnsupportedError,
        "unknown function 'sen' at line 1, column 1; did you mean sin or sec? (symdiff --functions lists the known functions)",
    ),
    (
        "γ(x)",
        DEFAULT,
        ParseError,
        'line 1, column 1: "γ" before "(" is the Greek letter gamma, not a function; for the product write γ*(...); for the gamma function write Γ(...) or gamma(...)',
    ),
    (
        "psi(x)",
        DEFAULT,
        ParseError,
        'line 1, column 1: "psi" before "(" is the Greek letter psi, not a function; for the product write psi*(...); for the digamma function write ψ(...) or digamma(...)',
    ),
    (
        "2Γx",
        DEFAULT,
        ParseError,
        'line 1, column 2: "Γx" is not a name: it contains the function "Γ"; write Γ(...) with parentheses, or separate factors with "*"',
    ),
]


@pytest.mark.parametrize(
    ("text", "limits", "error", "message"), MESSAGES, ids=[ascii(r[0]) for r in MESSAGES]
)
def test_the_message_is_exactly(
    text: str, limits: Limits, error: type[SymdiffError], message: str
) -> None:
    with pytest.raises(SymdiffError) as info:
        parse_definition(text, limits)
    assert type(info.value) is error
    assert str(info.value) == message


def test_the_table_has_no_duplicates() -> None:
    assert len({r[0] for r in MESSAGES}) == len(MESSAGES)
