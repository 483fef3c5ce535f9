"""Value matchers written in rule files: a scalar (equals), a list (one of), ``{min, max}`` (range).

A property declares what it accepts: booleans only equal, enumerations equal or one-of,
numbers any of the three. The wrong shape is a located RuleSetError at load time.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thethuc.checks import wording
from thethuc.model import Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_choice, as_list, as_number, check_keys

# Values computed from twips/half-points carry rounding noise (10 mm = 567 twips = 10.0015 mm).
EPSILON = 0.05


@dataclass(frozen=True, slots=True)
class Matcher:
    """``values`` (equals one of them) or an inclusive ``low``/``high`` range."""

    values: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None

    def test(self, actual: Any) -> bool:
        if self.values:
            if isinstance(actual, (int, float)) and not isinstance(actual, bool):
                return any(abs(actual - v) <= EPSILON for v in self.values)
            return actual in self.values
        if not isinstance(actual, (int, float)):
            return False
        if self.low is not None and actual < self.low - EPSILON:
            return False
        return not (self.high is not None and actual > self.high + EPSILON)

    def numeric_text(self, prop: str) -> Text:
        """``cỡ chữ 14–15`` / ``size 14–15 pt``, ``≥ 6``, ``15 hoặc 16``."""
        if self.values:
            vi = wording.OR.vi.join(wording.number(v, "vi") for v in self.values)
            en = wording.OR.en.join(wording.number(v, "en") for v in self.values)
        elif self.low is not None and self.high is not None:
            vi = f"{wording.number(self.low, 'vi')}–{wording.number(self.high, 'vi')}"
            en = f"{wording.number(self.low, 'en')}–{wording.number(self.high, 'en')}"
        elif self.low is not None:
            vi, en = f"≥ {wording.number(self.low, 'vi')}", f"≥ {wording.number(self.low, 'en')}"
        else:
            vi, en = f"≤ {wording.number(self.high or 0, 'vi')}", f"≤ {wording.number(self.high or 0, 'en')}"
        return wording.numeric_phrase(prop, vi, en)

    def enum_text(self, prop: str) -> Text:
        return wording.either(prop, self.values)


def parse_number(value: Any, where: Where, what: str) -> Matcher:
    """``15``, ``[15, 16]`` or ``{min: 14, max: 15}`` (either bound may be left out)."""
    if isinstance(value, LDict):
        check_keys(value, ("min", "max"), what)
        if not value:
            raise where.error(Text(f"'{what}' cần 'min' hoặc 'max'", f"'{what}' needs 'min' or 'max'"))
        low = as_number(value["min"], value.at("min"), f"{what}.min") if "min" in value else None
        high = as_number(value["max"], value.at("max"), f"{what}.max") if "max" in value else None
        if low is not None and high is not None and low > high:
            raise where.error(Text(f"'{what}': 'min' {low:g} lớn hơn 'max' {high:g}",
                                   f"'{what}': 'min' {low:g} is above 'max' {high:g}"))
        return Matcher(low=low, high=high)
    items = as_list(value, where, what)
    return Matcher(values=tuple(as_number(v, at, what) for v, at in zip(items, items.item_where, strict=True)))


def parse_bool(value: Any, where: Where, what: str) -> Matcher:
    return Matcher(values=(as_bool(value, where, what),))


def parse_choice(value: Any, where: Where, what: str, choices: Sequence[str]) -> Matcher:
    items = as_list(value, where, what)
    return Matcher(values=tuple(as_choice(v, at, what, choices) for v, at in zip(items, items.item_where, strict=True)))
