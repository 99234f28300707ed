#pragma once
// One moment's readings of the simulated skin, as a clinician would measure them: colour
// (CIELAB a*, L*), erythema, open channels, relief (roughness; scar depth and volume against
// the skin around each scar, as profilometry measures them), and the dermal matrix relative to the
// untreated skin. Plain data: the columns of timeseries.csv, and what a snapshot carries to the
// renderer. SkinReadout (SkinReadout.hpp) takes them.
//
//   SkinReading r = readout.read(model);
//   if (r.erythema < 0.1) ...  // redness has resolved

namespace dermasim {

struct SkinReading {
  double day = 0;
  double redness_a = 0;
  double erythema = 0;
  double barrier_open = 0;   // share of the last session's channels not yet sealed at the surface
  double channels_open = 0;  // share of them with lumen left at any depth
  double inflammation = 0;   // mean inflammatory infiltrate through the dermis, 0..1
  double roughness_um = 0;
  double scar_depth_um = 0;
  double collagen_rel = 1, collagen1_rel = 1, collagen3_rel = 1, elastin_rel = 1;
  double improvement_pct = 0;
  // beyond the interface's columns
  double papillary_collagen_rel = 1;
  double epidermis_rel = 1;
  // Activated fibroblasts per resting fibroblast, mean over the skin (not the fat below it).
  double fibroblasts_rel = 0;
  double surface_blood_um = 0;
  double lightness_L = 0;
  // Scar profilometry (ScarProfilometry.hpp): depth by type, 0 when the type is absent, and
  // the scars' missing volume relative to the untreated skin's (1 = unchanged, also without
  // scars).
  double scar_depth_rolling_um = 0, scar_depth_boxcar_um = 0, scar_depth_icepick_um = 0;
  double scar_volume_rel = 1;
};

// The reading a share `w` (0..1) of the way from `a` to `b`, every member linear in time: the
// daily rows inside a model step longer than a day. Every member is listed here
// (core_skin_reading_test checks each timeseries column).
inline SkinReading interpolate(const SkinReading& a, const SkinReading& b, double w) {
  const auto mix = [&](double SkinReading::*m) { return a.*m + w * (b.*m - a.*m); };
  SkinReading r;
  for (double SkinReading::*m : {&SkinReading::day,
                                 &SkinReading::redness_a,
                                 &SkinReading::erythema,
                                 &SkinReading::barrier_open,
                                 &SkinReading::channels_open,
                                 &SkinReading::inflammation,
                                 &SkinReading::roughness_um,
                                 &SkinReading::scar_depth_um,
                                 &SkinReading::collagen_rel,
                                 &SkinReading::collagen1_rel,
                                 &SkinReading::collagen3_rel,
                                 &SkinReading::elastin_rel,
                                 &SkinReading::improvement_pct,
                                 &SkinReading::papillary_collagen_rel,
                                 &SkinReading::epidermis_rel,
                                 &SkinReading::fibroblasts_rel,
                                 &SkinReading::surface_blood_um,
                                 &SkinReading::lightness_L,
                                 &SkinReading::scar_depth_rolling_um,
                                 &SkinReading::scar_depth_boxcar_um,
                                 &SkinReading::scar_depth_icepick_um,
                                 &SkinReading::scar_volume_rel})
    r.*m = mix(m);
  return r;
}

}  // namespace dermasim
