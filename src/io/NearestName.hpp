#pragma once
// "did you mean ...?" for misspelt keys and names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim {

// The candidate closest to `word` by edit distance (a swap of two neighbours counts once),
// if close enough to be a likely typo rather than a different word. Cheap for any `word`: a
// candidate whose length alone puts it out of reach is never compared, so a 100 kB key costs
// no more than a short one.
std::optional<std::string> nearestName(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace dermasim
