#include "io/NearestName.hpp"

#include <algorithm>
#include <numeric>

namespace dermasim {
namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest
// typing slip ("lenght"). Three rows suffice, as a transposition looks two rows back.
std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> twoBack(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], twoBack[j - 2] + 1);
    }
    std::swap(twoBack, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string> nearestName(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  // Short words need a tighter bound, or every three-letter key would "resemble" every other.
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const std::string& candidate : candidates) {
    // The distance is at least the difference in length, so such a candidate cannot win; this
    // is what keeps the search linear in the length of a hostile key.
    const std::size_t lengthGap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                                 : candidate.size() - word.size();
    if (lengthGap >= bestDistance) continue;
    const std::size_t distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace dermasim
