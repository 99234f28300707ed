#pragma once
// When a reading that a session raised falls back below a level: the redness behind downtime,
// the open channels behind aftercare and healing, any column a validation case times. One
// definition for all of them, so "days of redness" in summary.json, in a validation report and
// on a consultation sheet are the same number.
//
//   const FallBelow f = fallBelow(result.timeseries, session.day, nextSession.day,
//                                 &SkinReading::erythema, 0.1, Fade::Exponential);
//   if (!f.rose) ...                  // never reached the level: no downtime
//   else if (f.day) ... *f.day ...    // the day it fell below, between two readings
//   else ...                          // still above it at the next session

#include <optional>
#include <vector>

#include "core/readout/SkinReading.hpp"

namespace dermasim {

// How a reading is taken to change between two samples, for the crossing between them.
enum class Fade {
  Linear,
  // Exponential decay: interpolating the logarithm is exact for it, where a straight line
  // crosses late by ~ step^2 / (8 x decay time).
  Exponential,
};

struct FallBelow {
  bool rose = false;          // at or above the level at some reading after `fromDay`
  std::optional<double> day;  // the day it first fell below after rising, if by `untilDay`
};

// Readings with fromDay < day <= untilDay, in order (the reading on a session's day is taken
// before its needles). `valueAtFrom`, when given, is the reading at `fromDay` itself, e.g. 1
// for the share of channels open at the moment a session ends.
FallBelow fallBelow(const std::vector<SkinReading>& series, double fromDay, double untilDay,
                    double SkinReading::*field, double level, Fade fade = Fade::Linear,
                    std::optional<double> valueAtFrom = std::nullopt);

}  // namespace dermasim
