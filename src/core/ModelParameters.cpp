#include "ModelParameters.hpp"

#include <sstream>
#include <stdexcept>

namespace dermasim {

const std::vector<ParameterSpec>& parameterTable() {
  // Sources: calibration sheet section 1 (devices). "estimate" marks a value chosen by us
  // within the range the sources allow; see docs/MODEL.md for the reasoning.
  static const std::vector<ParameterSpec> table{
      {"roller.penetration_fraction_light", "1", 0.30, 0.15, 0.60,
       "Kalluri 2011 (770 um roller: 152 um channels, ~20 %, rat); Han & Das 2015",
       "mean effective depth / needle length for a roller under light hand pressure"},
      {"roller.penetration_fraction_medium", "1", 0.45, 0.20, 0.77,
       "between Kalluri 2011 (~20 %) and Donnelly 2010 (~77 %, pressed array); estimate",
       "mean effective depth / needle length for a roller under medium pressure"},
      {"roller.penetration_fraction_firm", "1", 0.60, 0.30, 0.85,
       "Donnelly 2010 (600 um needles reached ~77 %); estimate",
       "mean effective depth / needle length for a roller under firm pressure"},
      {"roller.depth_spread", "1", 0.20, 0.05, 0.40,
       "Kalluri 2011 (+/-10 um on 152 um is the tight end); hand-held rolling varies more; estimate",
       "standard deviation of a roller puncture's depth, relative to its mean"},
      {"roller.tear_compliance", "1", 0.50, 0.20, 1.00,
       "PRIME review 2015 (torn, elongated openings); estimate",
       "fraction of the rigid-drum sweep of the shaft at the surface that tears the opening "
       "(1 = skin does not move with the needle)"},
      {"roller.direction_jitter_deg", "deg", 5.0, 0.0, 20.0, "estimate (hand-held strokes)",
       "standard deviation of a pass's rolling direction about its nominal direction"},
      {"pen.penetration_fraction", "1", 0.90, 0.70, 1.00,
       "Donnelly 2010 (~77 % for a static pressed array); a perpendicular motorized stamp "
       "inserts more fully; estimate",
       "mean effective depth / depth setting for a pen"},
      {"pen.depth_spread", "1", 0.05, 0.01, 0.20, "makers' pages (0.1 mm depth steps); estimate",
       "standard deviation of a pen puncture's depth, relative to its mean"},
      {"pen.tilt_sd_deg", "deg", 3.0, 0.0, 15.0, "estimate (hand-held, perpendicular entry: PRIME 2015)",
       "standard deviation of the pen's tilt from the surface normal"},
      {"pen.contact_fraction", "1", 0.25, 0.05, 0.60, "estimate",
       "fraction of each stamping cycle the needles spend in the skin; the glide during it "
       "drags the opening along the stroke"},
      {"pen.lateral_jitter_mm", "mm", 0.10, 0.0, 1.0, "estimate (hand tremor)",
       "standard deviation of the cartridge's sideways wander from the stroke line"},
  };
  return table;
}

const ParameterSpec* findParameter(std::string_view key) {
  for (const auto& spec : parameterTable())
    if (spec.key == key) return &spec;
  return nullptr;
}

ModelParameters::ModelParameters() {
  for (const auto& spec : parameterTable()) values_.emplace(std::string(spec.key), spec.value);
}

std::optional<std::string> ModelParameters::validate(const std::map<std::string, double>& overrides) {
  for (const auto& [key, value] : overrides) {
    const ParameterSpec* spec = findParameter(key);
    if (!spec) return "parameters." + key + ": unknown model parameter (see `dermasim params`)";
    if (!(value >= spec->min && value <= spec->max)) {
      std::ostringstream msg;
      msg << "parameters." << key << ": must be between " << spec->min << " and " << spec->max;
      if (spec->unit != "1") msg << " " << spec->unit;
      msg << " (got " << value << ")";
      return msg.str();
    }
  }
  return std::nullopt;
}

ModelParameters ModelParameters::withOverrides(const std::map<std::string, double>& overrides) {
  if (auto error = validate(overrides)) throw std::invalid_argument(*error);
  ModelParameters p;
  for (const auto& [key, value] : overrides) p.values_[key] = value;
  return p;
}

double ModelParameters::operator[](std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end()) throw std::out_of_range("no model parameter named " + std::string(key));
  return it->second;
}

}  // namespace dermasim
