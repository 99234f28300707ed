#include "io/TimeseriesColumns.hpp"

namespace dermasim {

const std::vector<TimeseriesColumn>& timeseriesColumns() {
  using R = SkinReading;
  static const std::vector<TimeseriesColumn> columns{
      {"redness_a", 4, &R::redness_a},
      {"erythema", 5, &R::erythema},
      {"barrier_open", 5, &R::barrier_open},
      {"roughness_um", 4, &R::roughness_um},
      {"scar_depth_um", 3, &R::scar_depth_um},
      {"collagen_rel", 6, &R::collagen_rel},
      {"collagen1_rel", 6, &R::collagen1_rel},
      {"collagen3_rel", 6, &R::collagen3_rel},
      {"elastin_rel", 6, &R::elastin_rel},
      {"improvement_pct", 3, &R::improvement_pct},
      {"papillary_collagen_rel", 6, &R::papillary_collagen_rel},
      {"epidermis_rel", 5, &R::epidermis_rel},
      {"fibroblasts_rel", 5, &R::fibroblasts_rel},
      {"surface_blood_um", 4, &R::surface_blood_um},
      {"lightness_L", 4, &R::lightness_L},
      {"channels_open", 5, &R::channels_open},
      {"scar_depth_rolling_um", 3, &R::scar_depth_rolling_um},
      {"scar_depth_boxcar_um", 3, &R::scar_depth_boxcar_um},
      {"scar_depth_icepick_um", 3, &R::scar_depth_icepick_um},
      {"scar_volume_rel", 5, &R::scar_volume_rel},
      {"inflammation", 5, &R::inflammation}};
  return columns;
}

}  // namespace dermasim
