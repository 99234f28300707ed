#include "io/RenderDays.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/numerics/NumberText.hpp"
#include "io/InputError.hpp"

namespace dermasim {

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

double dayFrom(const std::string& entry, double durationDays) {
  const std::string range =
      "each day between 0 and " + readableNumber(durationDays) + ", the scenario's duration_days";
  if (entry.empty()) {
    throw InputError("--day: expected days separated by commas, e.g. 1,7,30 (got an empty entry)");
  }
  char* end = nullptr;
  const double day = std::strtod(entry.c_str(), &end);
  if (end != entry.c_str() + entry.size() || !std::isfinite(day)) {
    throw InputError("--day: expected a number of days, " + range + " (got " + entry + ")");
  }
  if (!(day >= 0 && day <= durationDays)) {
    throw InputError("--day: must be " + range + " (got " + entry + ")");
  }
  return day;
}

void sortUnique(std::vector<double>& days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

}  // namespace

std::vector<double> parseRenderDays(const std::string& text, double durationDays) {
  std::vector<double> days;
  std::size_t from = 0;
  while (true) {
    const std::size_t comma = text.find(',', from);
    days.push_back(dayFrom(trimmed(text.substr(from, comma - from)), durationDays));
    if (days.size() > static_cast<std::size_t>(kMaxRenderDays)) {
      throw InputError("--day: at most " + std::to_string(kMaxRenderDays) +
                       " days in one render (got more)");
    }
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  sortUnique(days);
  return days;
}

std::vector<double> renderDaysEvery(double step, double durationDays) {
  if (!(step > 0) || !std::isfinite(step)) {
    throw InputError("--days-every: must be a positive number of days (got " +
                     readableNumber(step) + ")");
  }
  // Counted before the list is built, so a tiny step cannot ask for millions of images.
  const double count = std::floor(durationDays / step + 1e-9) + 1;
  if (count > kMaxRenderDays) {
    throw InputError("--days-every: gives " + readableNumber(count) + " images over " +
                     readableNumber(durationDays) + " days; at most " +
                     std::to_string(kMaxRenderDays) + " (got " + readableNumber(step) + ")");
  }
  std::vector<double> days;
  for (int i = 0; i < static_cast<int>(count); ++i)
    days.push_back(std::min(durationDays, i * step));
  sortUnique(days);
  return days;
}

std::string renderDayPath(const std::string& out, double exactDay,
                          const std::vector<double>& days) {
  if (days.size() <= 1) return out;
  const double day = std::round(exactDay * 1e6) / 1e6;
  const double widest = *std::max_element(days.begin(), days.end());
  const std::size_t width = std::to_string(static_cast<long long>(std::floor(widest))).size();
  std::string whole = std::to_string(static_cast<long long>(std::floor(day)));
  whole.insert(0, width - std::min(width, whole.size()), '0');
  // Up to six decimals, trailing zeros dropped: "07.5", never an exponent.
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", day - std::floor(day));
  std::string decimals(buffer + 1);  // ".500000"
  while (!decimals.empty() && (decimals.back() == '0' || decimals.back() == '.')) {
    const bool point = decimals.back() == '.';
    decimals.pop_back();
    if (point) break;
  }
  const std::filesystem::path path(out);
  std::filesystem::path named = path;
  named.replace_filename(path.stem().string() + "_day" + whole + decimals +
                         path.extension().string());
  return named.string();
}

}  // namespace dermasim
