#include "core/devices/DeviceParameters.hpp"

namespace dermasim {

PenParameters PenParameters::from(const ModelParameters& p) {
  return {p["pen.penetration_fraction"], p["pen.depth_spread"],
          p["pen.tilt_sd_deg"],          p["pen.contact_fraction"],
          p["pen.lateral_jitter_mm"],    p["needle.tip_half_angle_deg"]};
}

RollerParameters RollerParameters::from(const ModelParameters& p) {
  return {{p["roller.penetration_fraction_light"], p["roller.penetration_fraction_medium"],
           p["roller.penetration_fraction_firm"]},
          p["roller.depth_spread"],
          p["roller.tear_compliance"],
          p["roller.direction_jitter_deg"],
          p["needle.tip_half_angle_deg"]};
}

double RollerParameters::penetrationFraction(Pressure pressure) const {
  switch (pressure) {
    case Pressure::Light:
      return penetration_fraction[0];
    case Pressure::Medium:
      return penetration_fraction[1];
    case Pressure::Firm:
      return penetration_fraction[2];
  }
  return penetration_fraction[1];
}

}  // namespace dermasim
