#pragma once
// One needle entry into the skin in one session.

namespace dermasim {

struct Puncture {
  double x_mm = 0;  // entry point on the patch surface, in [0, patch size)
  double y_mm = 0;
  double depth_mm = 0;             // effective vertical depth reached (never more than the needle)
  double entry_angle_deg = 0;      // the shaft's angle from the surface normal as it enters
  double entry_direction_deg = 0;  // azimuth the shaft leans towards, [0, 360)
  double opening_direction_deg = 0;  // azimuth of the opening's long axis, [0, 360)
  double opening_length_mm = 0;      // surface opening along `opening_direction_deg`
  double opening_width_mm = 0;       // and across it
  int pass = 0;

  double elongation() const {
    return opening_width_mm > 0 ? opening_length_mm / opening_width_mm : 1.0;
  }
};

}  // namespace dermasim
