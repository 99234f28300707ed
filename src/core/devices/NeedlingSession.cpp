#include "core/devices/NeedlingSession.hpp"

#include <algorithm>
#include <cmath>

namespace dermasim {

PunctureStats summarize(const std::vector<Puncture>& punctures, const Patch& patch) {
  PunctureStats s;
  s.count = punctures.size();
  s.per_cm2 = static_cast<double>(s.count) / patch.areaCm2();
  if (punctures.empty()) return s;
  double sum = 0, sumSq = 0, angle = 0, elongation = 0;
  for (const Puncture& p : punctures) {
    sum += p.depth_mm;
    sumSq += p.depth_mm * p.depth_mm;
    s.max_depth_mm = std::max(s.max_depth_mm, p.depth_mm);
    angle += p.entry_angle_deg;
    elongation += p.elongation();
  }
  const double n = static_cast<double>(s.count);
  s.mean_depth_mm = sum / n;
  s.sd_depth_mm = std::sqrt(std::max(0.0, sumSq / n - s.mean_depth_mm * s.mean_depth_mm));
  s.mean_entry_angle_deg = angle / n;
  s.mean_elongation = elongation / n;
  return s;
}

SessionPunctures needleSession(const DeviceSettings& device, const ModelParameters& parameters,
                               const Patch& patch, std::uint64_t seed, int sessionIndex) {
  const auto needles = makeNeedleDevice(device, parameters);
  const int passes = device.passes;
  std::vector<std::vector<Puncture>> byPass(static_cast<std::size_t>(passes));
#pragma omp parallel for schedule(dynamic, 1)
  for (int pass = 0; pass < passes; ++pass) {
    const CounterRandom rng(
        seed, {static_cast<std::uint64_t>(sessionIndex), static_cast<std::uint64_t>(pass)});
    byPass[static_cast<std::size_t>(pass)] = needles->pass(patch, pass, rng);
  }
  SessionPunctures out;
  for (auto& list : byPass) out.punctures.insert(out.punctures.end(), list.begin(), list.end());
  out.nominal_per_cm2 = needles->nominalDensityPerPassCm2() * passes;
  out.stats = summarize(out.punctures, patch);
  return out;
}

}  // namespace dermasim
