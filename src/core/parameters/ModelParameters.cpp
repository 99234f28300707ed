#include "core/parameters/ModelParameters.hpp"

#include <atomic>
#include <stdexcept>

#include "core/numerics/NumberText.hpp"

namespace dermasim {
namespace {

// Between-patient spreads for `--cohort` (CohortSpread). The scenario fixes age and Fitzpatrick
// type; what it cannot say about a patient varies here.
constexpr CohortSpread kHealingTime{
    "healing_time", 0.25,
    "estimate: re-epithelialisation of standard wounds slows with age (Holt 1992) and differs "
    "between healthy adults by tens of per cent; one factor per patient scales the repair "
    "half-lives and fibroblast doubling together"};
constexpr CohortSpread kFibroblastResponse{
    "fibroblast_response", 0.30,
    "estimate: collagen synthesis of dermal fibroblasts differs between donors and falls with "
    "age (Varani 2006)"};
constexpr CohortSpread kDermisThickness{
    "dermis_thickness", 0.15,
    "Meng 2022 (same site: men's dermis up to ~35 % thicker than women's); scenarios give age, "
    "not sex, so sex is part of the spread; estimate"};

}  // namespace

const std::vector<ParameterSpec>& parameterTable() {
  // Sources: calibration sheet section 1 (devices). "estimate" marks a value chosen by us
  // within the range the sources allow; see docs/MODEL.md for the reasoning.
  static const std::vector<ParameterSpec> table{
      {"roller.penetration_fraction_light", "1", 0.20, 0.15, 0.60,
       "calibrated on Kalluri 2011 (770 um roller rolled by hand over rat skin: 152 um "
       "channels, ~20 %); Han & Das 2015",
       "mean effective depth / needle length for a roller under light hand pressure"},
      {"roller.penetration_fraction_medium", "1", 0.45, 0.20, 0.77,
       "between Kalluri 2011 (~20 %) and Donnelly 2010 (~77 %, pressed array); estimate",
       "mean effective depth / needle length for a roller under medium pressure"},
      {"roller.penetration_fraction_firm", "1", 0.60, 0.30, 0.85,
       "Donnelly 2010 (600 um needles reached ~77 %); estimate",
       "mean effective depth / needle length for a roller under firm pressure"},
      {"roller.depth_spread", "1", 0.20, 0.05, 0.40,
       "Kalluri 2011 (+/-10 um on 152 um is the tight end); hand-held rolling varies more; "
       "estimate",
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
      {"pen.tilt_sd_deg", "deg", 3.0, 0.0, 15.0,
       "estimate (hand-held, perpendicular entry: PRIME 2015)",
       "standard deviation of the pen's tilt from the surface normal"},
      {"pen.contact_fraction", "1", 0.25, 0.05, 0.60, "estimate",
       "fraction of each stamping cycle the needles spend in the skin; the glide during it "
       "drags the opening along the stroke"},
      {"pen.lateral_jitter_mm", "mm", 0.10, 0.0, 1.0, "estimate (hand tremor)",
       "standard deviation of the cartridge's sideways wander from the stroke line"},
      {"needle.tip_half_angle_deg", "deg", 15.0, 5.0, 30.0,
       "microneedle tip geometry (tapered tips of 0.2-0.5 mm); estimate",
       "half-angle of the needle's conical tip: a shallow puncture opens less than the shaft"},
      // --- section: skin anatomy (SkinAnatomy.cpp) ---
      // Layer thicknesses by site, at ages up to anatomy.thinning_onset_age. Face: Chopra 2015
      // (histology, 39 facial sites), Meng 2022 (ultrasound, men and women averaged), Selcuk
      // (histology, 6 facial regions, age 30-80); body: Oltulu 2018 (histology, 2.1-5.9 mm),
      // Lee & Hwang 2002 (histology, 28 sites, Korean adults).
      {"anatomy.forehead.epidermis_um", "um", 60.0, 30.0, 130.0,
       "between Chopra 2015 (30-63 um on the face) and Selcuk (66-123 um); estimate",
       "epidermis thickness (stratum corneum included), forehead"},
      {"anatomy.forehead.dermis_mm", "mm", 1.0, 0.6, 2.0,
       "Meng 2022 (ultrasound: 1.17 men, 0.86 women)", "dermis thickness, forehead",
       kDermisThickness},
      {"anatomy.periorbital.epidermis_um", "um", 40.0, 25.0, 80.0,
       "Chopra 2015 (eyelid among the thinnest facial epidermis, 30-63 um overall); estimate",
       "epidermis thickness, periorbital skin"},
      {"anatomy.periorbital.dermis_mm", "mm", 0.7, 0.4, 1.2,
       "between Meng 2022 (eyelid 0.67 men, 0.58 women) and Chopra 2015 (upper eyelid 0.76)",
       "dermis thickness, periorbital skin", kDermisThickness},
      {"anatomy.nose.epidermis_um", "um", 55.0, 30.0, 130.0,
       "between Chopra 2015 (30-63 um) and Selcuk (66-123 um); estimate",
       "epidermis thickness, nose"},
      {"anatomy.nose.dermis_mm", "mm", 1.0, 0.7, 2.0,
       "Meng 2022 (nasal dorsum 1.03 men, 0.93 women); Chopra 2015 lower sidewall 1.97 is the "
       "thick end",
       "dermis thickness, nose (dorsum)", kDermisThickness},
      {"anatomy.cheek.epidermis_um", "um", 60.0, 30.0, 130.0,
       "between Chopra 2015 (30-63 um) and Selcuk (66-123 um); estimate",
       "epidermis thickness, cheek"},
      {"anatomy.cheek.dermis_mm", "mm", 1.2, 0.8, 2.0,
       "between Meng 2022 (zygoma 1.14 men, 0.87 women) and Selcuk histology (1.1-1.9); "
       "estimate",
       "dermis thickness, cheek", kDermisThickness},
      {"anatomy.chin.epidermis_um", "um", 65.0, 30.0, 130.0,
       "between Chopra 2015 (30-63 um) and Selcuk (66-123 um); estimate",
       "epidermis thickness, chin"},
      {"anatomy.chin.dermis_mm", "mm", 1.3, 0.8, 2.0,
       "Selcuk (1.1-1.9 mm); Meng 2022 (submandibular 1.02 men, 0.91 women); estimate",
       "dermis thickness, chin", kDermisThickness},
      {"anatomy.upper_lip.epidermis_um", "um", 63.0, 40.0, 130.0,
       "Chopra 2015 (upper lip 62.6 um, the thickest facial epidermis)",
       "epidermis thickness, upper lip"},
      {"anatomy.upper_lip.dermis_mm", "mm", 1.4, 0.8, 2.0,
       "Selcuk (1.1-1.9 mm, lip among the regions); estimate", "dermis thickness, upper lip",
       kDermisThickness},
      {"anatomy.neck.epidermis_um", "um", 60.0, 30.0, 130.0,
       "estimate from Chopra 2015 and Xu 2017 (all sites 100 um, 83-116)",
       "epidermis thickness, neck"},
      {"anatomy.neck.dermis_mm", "mm", 1.0, 0.6, 1.6, "Meng 2022 (neck 0.98 men, 0.99 women)",
       "dermis thickness, neck", kDermisThickness},
      {"anatomy.decollete.epidermis_um", "um", 80.0, 50.0, 130.0,
       "Oltulu 2018 (breast, women: 76.9 um)", "epidermis thickness, decollete"},
      {"anatomy.decollete.dermis_mm", "mm", 1.8, 1.2, 3.0,
       "between Lee & Hwang 2002 (chest 1.3-1.6 mm) and Oltulu 2018 (body 2.1-5.9 mm); "
       "estimate",
       "dermis thickness, decollete", kDermisThickness},
      {"anatomy.hand.epidermis_um", "um", 150.0, 80.0, 250.0,
       "Lee & Hwang 2002 (dorsum of hand 138-189 um)", "epidermis thickness, back of the hand"},
      {"anatomy.hand.dermis_mm", "mm", 2.1, 1.0, 3.0,
       "Oltulu 2018 (dorsum of hand, women: 2.1 mm, the thinnest body dermis there)",
       "dermis thickness, back of the hand", kDermisThickness},
      {"anatomy.scalp.epidermis_um", "um", 80.0, 50.0, 130.0,
       "Selcuk (scalp, women: the thinnest facial-region epidermis, ~66 um); Xu 2017; estimate",
       "epidermis thickness, scalp"},
      {"anatomy.scalp.dermis_mm", "mm", 2.3, 1.2, 4.0,
       "within Oltulu 2018 (body 2.1-5.9 mm, scalp among the sites); estimate",
       "dermis thickness, scalp", kDermisThickness},
      {"anatomy.abdomen.epidermis_um", "um", 90.0, 50.0, 150.0,
       "Xu 2017 (all sites 100 um, 83-116); estimate", "epidermis thickness, abdomen"},
      {"anatomy.abdomen.dermis_mm", "mm", 2.4, 1.2, 4.0,
       "within Oltulu 2018 (body 2.1-5.9 mm, abdomen among the sites); estimate",
       "dermis thickness, abdomen", kDermisThickness},
      {"anatomy.thigh.epidermis_um", "um", 90.0, 50.0, 150.0,
       "Xu 2017 (all sites 100 um, 83-116); estimate", "epidermis thickness, thigh"},
      {"anatomy.thigh.dermis_mm", "mm", 2.2, 1.0, 4.0,
       "estimate from Oltulu 2018 (body 2.1-5.9 mm; thigh not measured)", "dermis thickness, thigh",
       kDermisThickness},
      {"anatomy.back.epidermis_um", "um", 100.0, 50.0, 150.0, "Xu 2017 (all sites 100 um, 83-116)",
       "epidermis thickness, back"},
      {"anatomy.back.dermis_mm", "mm", 3.0, 1.8, 5.9,
       "Oltulu 2018 (back among the thickest body sites, 2.1-5.9 mm); Lee & Hwang 2002 (back "
       "the thickest site, 1.9 mm); estimate",
       "dermis thickness, back", kDermisThickness},
      {"anatomy.stratum_corneum_um", "um", 15.0, 10.0, 20.0, "Makvandi et al. 2021 (10-20 um)",
       "stratum corneum thickness (part of the epidermis)"},
      {"anatomy.papillary_um", "um", 350.0, 250.0, 450.0,
       "fibroblast-heterogeneity reviews (~300-400 um)",
       "papillary dermis thickness where the dermis is thick enough"},
      {"anatomy.papillary_max_fraction", "1", 0.25, 0.15, 0.35,
       "fibroblast-heterogeneity reviews (about the upper fifth of the dermis); estimate",
       "largest share of the dermis the papillary dermis takes: caps it in thin dermis"},
      {"anatomy.thinning_onset_age", "years", 35.0, 25.0, 50.0,
       "estimate (dermis and epidermis thin from the fourth decade; Meng 2022: facial dermis "
       "thinner in middle-aged and older women)",
       "age beyond which the skin thins"},
      {"anatomy.dermis_thinning_per_year", "1/year", 0.006, 0.002, 0.012,
       "Shuster, Black & McVitie 1975 (skin collagen falls ~1 %/year in adults; thickness "
       "somewhat less); estimate",
       "fractional loss of dermis thickness per year past the onset"},
      {"anatomy.epidermis_thinning_per_year", "1/year", 0.006, 0.0, 0.012,
       "Branchet et al. 1990 (epidermis ~6 % thinner per decade); estimate",
       "fractional loss of epidermis thickness per year past the onset"},
      {"anatomy.papillary_collagen", "1", 0.55, 0.3, 0.8,
       "estimate (papillary collagen is finer and looser than reticular bundles)",
       "collagen density of the papillary dermis relative to the reticular dermis"},
      {"anatomy.collagen3_reticular", "1", 0.17, 0.10, 0.25,
       "Clore 1979 via compilation (adult skin ~80 % type I, 15-20 % type III)",
       "type III share of the collagen in the reticular dermis"},
      {"anatomy.collagen3_papillary", "1", 0.30, 0.15, 0.45,
       "estimate (papillary dermis richer in type III: fibroblast-heterogeneity reviews)",
       "type III share of the collagen in the papillary dermis"},
      {"anatomy.papillary_elastin", "1", 0.4, 0.2, 0.8,
       "estimate (thin oxytalan and elaunin fibres above thick reticular elastic fibres)",
       "elastin density of the papillary dermis relative to the reticular dermis"},
      {"anatomy.papillary_fibroblast_ratio", "1", 2.0, 1.2, 4.0,
       "estimate from fibroblast-heterogeneity reviews (papillary fibroblasts more numerous)",
       "fibroblast density of the papillary dermis relative to the reticular dermis"},
      {"anatomy.vessel_papillary", "1", 0.03, 0.01, 0.06,
       "estimate (capillary loops in the papillae; layered optical skin models such as "
       "Meglinski & Matcher 2002 give the papillary dermis a few %)",
       "blood vessel volume fraction of the papillary dermis"},
      {"anatomy.vessel_plexus", "1", 0.08, 0.03, 0.30,
       "estimate (superficial plexus several times the background; Meglinski & Matcher 2002 "
       "use a dense upper blood net)",
       "blood vessel volume fraction in the superficial plexus"},
      {"anatomy.vessel_reticular", "1", 0.01, 0.002, 0.04,
       "estimate (Jacques 1998: ~0.2-few % dermal blood)",
       "blood vessel volume fraction of the reticular dermis"},
      {"anatomy.vessel_deep_plexus", "1", 0.05, 0.02, 0.15,
       "estimate (deep plexus at the dermis-fat border)",
       "blood vessel volume fraction in the deep plexus"},
      {"anatomy.plexus_thickness_um", "um", 100.0, 50.0, 200.0, "estimate",
       "thickness of the superficial plexus band (at most anatomy.plexus_max_fraction of the "
       "dermis)"},
      {"anatomy.deep_plexus_thickness_um", "um", 150.0, 50.0, 300.0, "estimate",
       "thickness of the deep plexus band at the bottom of the dermis (at most "
       "anatomy.plexus_max_fraction of it)"},
      {"anatomy.plexus_max_fraction", "1", 0.2, 0.1, 0.3,
       "estimate (keeps both plexus bands, and reticular dermis between them, in a thin dermis)",
       "largest share of the dermis either plexus band may take"},
      // The subcutis (fat) below the dermis, on the grid only where needles reach it.
      {"anatomy.subcutis_modelled_mm", "mm", 1.0, 0.2, 3.0,
       "estimate (a bound on grid cost: subcutaneous fat is millimetres to centimetres thick, "
       "while the longest needles, 3.0 mm (makers' pages), reach at most ~2.3 mm below the "
       "thinnest dermis)",
       "most subcutis the grid carries below the dermis; a needle track deeper than this is "
       "followed only down to it"},
      {"anatomy.subcutis_margin_mm", "mm", 0.05, 0.0, 0.3,
       "estimate (the crushed halo around a track, tracks.injury_halo_mm, and a row below it)",
       "subcutis modelled below the deepest needle tip"},
      {"anatomy.subcutis_fibroblast_ratio", "1", 0.1, 0.02, 0.3,
       "estimate (fat is mostly adipocytes; its stromal cells are sparse next to the dermis's "
       "2.1-4.1 x 10^3 fibroblasts/mm3, Miller 2003 via compilation)",
       "resting fibroblast-like cells of the subcutis, relative to the dermis mean"},
      {"anatomy.vessel_subcutis", "1", 0.02, 0.005, 0.05,
       "estimate (capillaries around every adipocyte; less dense than the deep plexus above)",
       "blood vessel volume fraction of the subcutis"},
      // Baseline skin features (BaselineSkin.cpp). Scar types after Jacob 2001.
      {"baseline.deficit_cap", "1", 0.8, 0.5, 0.95,
       "estimate (some matrix and fibroblasts remain under every scar)",
       "largest missing fraction of normal tissue in any voxel; deeper voxels take the rest"},
      {"baseline.icepick_depth_factor", "1", 1.6, 1.0, 2.5,
       "Jacob 2001 (ice-pick scars narrow and deep, V-shaped); estimate",
       "depth of an ice-pick scar relative to a boxcar scar"},
      {"baseline.rolling_depth_factor", "1", 0.6, 0.3, 1.0,
       "Jacob 2001 (rolling scars shallow and wide); estimate",
       "depth of a rolling scar relative to a boxcar scar"},
      {"baseline.scar_depth_spread", "1", 0.25, 0.0, 0.5, "estimate",
       "log-normal spread of scar depths about their type's mean"},
      {"baseline.icepick_width_mm", "mm", 0.8, 0.3, 1.9, "Jacob 2001 (< 2 mm)",
       "surface width of an ice-pick scar"},
      {"baseline.boxcar_width_mm", "mm", 2.5, 1.5, 4.0, "Jacob 2001 (1.5-4 mm)",
       "surface width of a boxcar scar"},
      {"baseline.rolling_width_mm", "mm", 5.0, 4.0, 8.0, "Jacob 2001 (> 4-5 mm)",
       "surface width of a rolling scar"},
      {"baseline.scar_width_spread", "1", 0.2, 0.0, 0.4, "estimate",
       "log-normal spread of scar widths about their type's width"},
      {"baseline.boxcar_wall_fraction", "1", 0.2, 0.05, 0.5,
       "Jacob 2001 (U-shaped, steep walls, flat floor); estimate",
       "share of a boxcar scar's radius taken by its sloping wall"},
      {"baseline.icepick_range_fraction", "1", 0.9, 0.6, 1.0,
       "Jacob 2001 (ice-pick tracts reach deep dermis); estimate",
       "share of the dermis, from its top, over which an ice-pick scar's tissue is missing"},
      {"baseline.boxcar_range_fraction", "1", 0.5, 0.3, 0.8, "estimate",
       "share of the dermis, from its top, over which a boxcar scar's tissue is missing"},
      {"baseline.rolling_range_fraction", "1", 0.3, 0.15, 0.5, "estimate",
       "share of the dermis, from its top, over which a rolling scar's tissue is missing"},
      {"baseline.rolling_tether", "1", 0.8, 0.3, 1.0,
       "Jacob 2001 (rolling scars tethered to deeper tissue); estimate",
       "fibrous tethering at a rolling scar's centre"},
      {"baseline.icepick_lining", "1", 0.8, 0.0, 1.0,
       "Jacob 2001 (ice-pick scars are narrow epithelial tracts into deep dermis, treated by "
       "excision or CROSS rather than by filling); estimate",
       "share of an ice-pick scar's missing tissue that is an epithelium-lined tract new matrix "
       "cannot fill"},
      {"baseline.scar_disorder", "1", 0.5, 0.2, 0.9, "estimate",
       "matrix disorder of atrophic scar tissue"},
      {"baseline.scar_fibrosis_um", "um", 100.0, 0.0, 300.0, "estimate",
       "disordered scar tissue below the missing tissue of an atrophic scar"},
      {"baseline.line_spacing_mm", "mm", 1.5, 0.5, 5.0, "estimate",
       "spacing of parallel fine lines"},
      {"baseline.line_depth_um", "um", 60.0, 20.0, 150.0, "estimate (fine lines ~40-80 um deep)",
       "depth of a fine line"},
      {"baseline.line_width_mm", "mm", 0.3, 0.1, 0.6, "estimate (~0.2-0.4 mm)",
       "surface width of a fine line"},
      {"baseline.line_width_spread", "1", 0.2, 0.0, 0.4, "estimate",
       "log-normal spread of fine-line widths about baseline.line_width_mm"},
      {"baseline.line_depth_spread", "1", 0.25, 0.0, 0.5, "estimate",
       "log-normal spread of fine-line depths about baseline.line_depth_um"},
      {"baseline.line_wave_mm", "mm", 0.2, 0.0, 0.5, "estimate (lines are not ruled straight)",
       "largest sideways wave of a fine line's centre across the patch"},
      {"baseline.striae_width_mm", "mm", 2.0, 0.5, 4.0, "estimate (bands ~1-3 mm wide)",
       "width of a stretch-mark band"},
      {"baseline.striae_depth_um", "um", 100.0, 30.0, 200.0, "estimate (~50-150 um)",
       "surface depression of a stretch-mark band"},
      {"baseline.striae_width_spread", "1", 0.2, 0.0, 0.4, "estimate",
       "log-normal spread of stretch-mark widths about baseline.striae_width_mm"},
      {"baseline.striae_depth_spread", "1", 0.2, 0.0, 0.4, "estimate",
       "log-normal spread of stretch-mark depths about baseline.striae_depth_um"},
      {"baseline.striae_wall_fraction", "1", 0.3, 0.1, 1.0,
       "estimate (flat-floored bands with sloping edges)",
       "share of a stretch mark's half-width taken by its sloping edge"},
      {"baseline.striae_wave_mm", "mm", 0.3, 0.0, 1.0, "estimate",
       "largest sideways wave of a stretch mark's centre across the patch"},
      {"baseline.striae_disorder", "1", 0.7, 0.4, 0.9, "estimate",
       "matrix disorder through the dermis of a stretch-mark band"},
      {"baseline.surgical_width_mm", "mm", 1.0, 0.3, 3.0, "estimate", "width of a surgical scar"},
      {"baseline.surgical_depth_um", "um", 80.0, 20.0, 300.0, "estimate",
       "surface depression of a surgical scar"},
      {"baseline.surgical_wall_fraction", "1", 0.3, 0.1, 1.0, "estimate",
       "share of a surgical scar's half-width taken by its sloping edge"},
      {"baseline.surgical_wave_mm", "mm", 0.1, 0.0, 0.5,
       "estimate (an incision runs nearly straight)",
       "largest sideways wave of a surgical scar's centre across the patch"},
      {"baseline.surgical_disorder", "1", 0.9, 0.5, 1.0,
       "estimate (dense scar collagen in parallel sheets, through the dermis)",
       "matrix disorder through the dermis of a surgical scar"},
      {"baseline.feature_range_fraction", "1", 0.3, 0.15, 0.6, "estimate",
       "share of the dermis, from its top, over which a pore, stretch mark or surgical scar's "
       "tissue is missing"},
      {"baseline.pore_density_cm2", "1/cm2", 150.0, 50.0, 300.0, "estimate (~100-200 /cm2)",
       "visible enlarged pores per square centimetre"},
      {"baseline.pore_width_mm", "mm", 0.22, 0.1, 0.4, "estimate (~0.15-0.3 mm)",
       "surface width of an enlarged pore"},
      {"baseline.pore_depth_mm", "mm", 0.15, 0.05, 0.3, "estimate (~0.1-0.2 mm)",
       "depth of an enlarged pore"},
      {"baseline.pore_width_spread", "1", 0.2, 0.0, 0.4, "estimate",
       "log-normal spread of pore widths about baseline.pore_width_mm"},
      {"baseline.pore_depth_spread", "1", 0.25, 0.0, 0.5, "estimate",
       "log-normal spread of pore depths about baseline.pore_depth_mm"},
      {"baseline.texture_ra_um", "um", 3.0, 0.0, 10.0, "estimate",
       "roughness Ra of the fine random surface texture up to baseline.texture_onset_age"},
      {"baseline.texture_ra_per_decade_um", "um", 1.0, 0.0, 3.0,
       "estimate (replica profilometry: roughness rises with age, e.g. Lagarde et al. 2005)",
       "rise of the texture's Ra per decade past baseline.texture_onset_age"},
      {"baseline.texture_onset_age", "years", 25.0, 20.0, 35.0,
       "estimate (replica profilometry: roughness rises with age in adults, e.g. Lagarde et "
       "al. 2005)",
       "age from which the fine surface texture roughens"},
      {"baseline.texture_correlation_mm", "mm", 0.1, 0.03, 0.5, "estimate",
       "correlation length of the fine surface texture (Gaussian smoothing width)"},
      // --- end: skin anatomy ---
      // --- section: skin optics (SkinOptics.cpp) ---
      // Melanin per type: chosen so that resting skin of a 60 um epidermis falls in the
      // matching ITA class of Chardon 1991 / Del Bino 2006 (type 3 on Yun 2010's mean colour);
      // see docs/OPTICS.md. The fractions scale with 1 / (path factor x epidermis).
      {"optics.melanin_fraction_type1", "1", 0.006, 0.002, 0.012,
       "ITA > 55 (very light); Jacques 1998 light skin 1.3-6.3 % (single-pass model); estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type I"},
      {"optics.melanin_fraction_type2", "1", 0.013, 0.008, 0.020,
       "ITA 41-55 (light); Jacques 1998 light skin 1.3-6.3 %; estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type II"},
      {"optics.melanin_fraction_type3", "1", 0.022, 0.015, 0.035,
       "ITA 28-41 (intermediate), Yun 2010 mean L* 64.2 b* 18.3; Jacques 1998; estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type III"},
      {"optics.melanin_fraction_type4", "1", 0.040, 0.025, 0.060,
       "ITA 10-28 (tan); Jacques 1998; estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type IV"},
      {"optics.melanin_fraction_type5", "1", 0.080, 0.050, 0.130,
       "ITA -30-10 (brown); Jacques 1998 moderately pigmented 11-16 % (single-pass); estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type V"},
      {"optics.melanin_fraction_type6", "1", 0.200, 0.120, 0.300,
       "ITA < -30 (dark); Jacques 1998 darkly pigmented 18-43 % (single-pass); estimate",
       "melanosome volume fraction of the epidermis, Fitzpatrick type VI"},
      {"optics.baseline_blood_fraction", "1", 0.0083, 0.002, 0.030,
       "Jacques mcxyz dermis 0.2 %; in-vivo reflectance fits ~0.5-3 %; set so type III "
       "resting skin has Yun 2010's a* 8.96; estimate",
       "dermal blood volume fraction of resting skin (baseline perfusion)"},
      {"optics.max_erythema_blood_fraction", "1", 0.030, 0.015, 0.100,
       "estimate: full erythema raises a* by ~8 (type III), as a marked sunburn does",
       "dermal blood volume fraction at full vasodilation: defines erythema = 1"},
      {"optics.haemoglobin_g_per_l", "g/L", 150.0, 120.0, 175.0,
       "Prahl, OMLC haemoglobin compilation (150 g/L typical whole blood)",
       "haemoglobin concentration of whole blood"},
      {"optics.dermal_oxygen_saturation", "1", 0.75, 0.40, 0.95,
       "Jacques 1998; Jacques mcxyz dermis 0.67 (mixed arterial and venous blood); estimate",
       "oxygen saturation of the blood in the dermis"},
      {"optics.surface_blood_oxygen_saturation", "1", 0.98, 0.85, 1.00,
       "estimate (fresh capillary blood, oxygenated by the air on the surface)",
       "oxygen saturation of blood lying on the skin surface"},
      {"optics.vessel_radius_um", "um", 5.0, 2.0, 25.0,
       "Verkruysse et al. 1997 (pigment packaging in vessels); capillary loops to venules; "
       "estimate",
       "mean radius of the dermal vessels holding the blood: absorption inside a vessel "
       "shades its own far side"},
      {"optics.dermis_scattering_500nm_per_cm", "1/cm", 42.4, 20.0, 100.0,
       "Jacques, mcxyz tissue list (dermis 42.4 at 500 nm); Jacques 1998 (50); Lister 2012",
       "reduced scattering coefficient of the dermis at 500 nm"},
      {"optics.dermis_rayleigh_fraction", "1", 0.30, 0.10, 0.80,
       "Jacques mcxyz dermis 0.62, Jacques 1998 0.64; lowered to give type III Yun 2010's "
       "b* and L*; estimate",
       "part of the dermis's reduced scattering at 500 nm that falls as wavelength^-4"},
      {"optics.dermis_mie_power", "1", 1.0, 0.5, 2.0,
       "Jacques mcxyz dermis (1.0); Jacques 1998 (1.5)",
       "power of the wavelength fall of the rest of the dermis's reduced scattering"},
      {"optics.diffuse_path_factor", "1", 1.5, 1.0, 2.0,
       "geometry: 1 for a normal beam, 2 for Lambertian diffuse light; estimate",
       "mean path length of light through a thin absorbing layer (epidermis, surface "
       "blood), relative to the layer's thickness, per crossing"},
      {"optics.refractive_index", "1", 1.40, 1.37, 1.55,
       "Lister et al. 2012 review (dermis ~1.4, stratum corneum up to 1.55)",
       "refractive index of the skin at its surface, for the Fresnel losses there"},
      {"optics.surface_blood_patch_um", "um", 20.0, 5.0, 100.0,
       "estimate (pinpoint bleeding: droplets tens of um high before they merge)",
       "thickness of blood patches on the surface: less blood covers part of the area "
       "at this thickness, more forms a continuous film"},
      // --- end: skin optics ---
      // --- section: diffusion (LodDiffusion.cpp) ---
      // --- end: diffusion ---
      // --- section: healing (HealingModel.cpp) ---
      {"tracks.lumen_recoil", "1", 0.5, 0.2, 1.0,
       "estimate: Kalluri 2011's channels, 152 um deep and 71 um wide, imply ~0.9 for a 15 deg "
       "tip; 0.5 with healing.channel_wall_closure_um_h gives their 12-18 h closure",
       "width of the open channel a needle leaves, relative to its opening"},
      {"tracks.injury_halo_mm", "mm", 0.02, 0.0, 0.1, "estimate (crushed tissue around a track)",
       "width of injured tissue around the track itself"},
      {"tracks.bleed_volume_per_vessel_volume", "1", 0.5, 0.05, 5.0, "estimate",
       "blood that wells up to the surface per volume of vessels a track cuts"},
      {"tracks.tether_cut_fraction", "1", 0.01, 0.0, 0.1,
       "estimate: subcision frees a rolling scar with a few dozen passes of a blade under it "
       "(Jacob 2001); a needle track cuts a strand where a blade cuts a sheet",
       "share of a rolling scar's tethering band one track cuts when it crosses the band from "
       "the scar's floor to the bottom of the dermis (less in proportion when it stops short)"},
      {"healing.epidermis_repair_half_life_h", "h", 12.0, 4.0, 48.0,
       "barrier back within hours (Gupta 2011), epidermis rebuilt in ~5 days (Schmitt 2018)",
       "half-life of injury in the epidermis", kHealingTime},
      {"healing.dermis_repair_half_life_h", "h", 18.0, 6.0, 72.0,
       "makers' depth guides: redness 1-3 days at 1.0-1.5 mm; estimate",
       "half-life of injury in the dermis", kHealingTime},
      {"healing.channel_wall_closure_um_h", "um/h", 5.0, 1.0, 10.0,
       "Kalluri 2011: channels closed in 12-18 h (rat); a 0.25 mm pen needle's ~60 um lumen "
       "radius closing in ~12 h",
       "speed at which a channel's walls close in on its lumen"},
      {"healing.channel_floor_closure_um_h", "um/h", 40.0, 10.0, 200.0,
       "human micropores close with a half-life of 20-26 h (Brogden group 2021); estimate",
       "speed at which a channel fills from its floor upwards"},
      {"healing.barrier_seal_um_h", "um/h", 30.0, 10.0, 100.0,
       "water-loss barrier back within 2 h in humans without occlusion (Gupta 2011); "
       "4-5 h in rat (Kalluri 2011)",
       "speed at which the epidermis seals over a channel's opening (the water barrier)"},
      {"healing.channel_closure_log_sd", "1", 0.4, 0.0, 1.0,
       "micropore lifetimes 44-67 h across people (Ogunjimi 2020); channels of one session "
       "close over hours, not at one instant (Kalluri 2011); estimate",
       "spread of closure speeds from channel to channel (sd of their logarithm)"},
      {"healing.mediator_burst", "1", 1.0, 0.2, 5.0, "estimate",
       "vasoactive mediators released at once per unit of newly injured tissue"},
      {"healing.mediator_release_open_per_day", "1/day", 100.0, 10.0, 300.0, "estimate",
       "mediators released per day per unit of open channel (an open wound keeps inflaming)"},
      {"healing.mediator_release_injury_per_day", "1/day", 3.0, 0.0, 10.0,
       "calibrated on the converged stepper to makers' depth guides (redness 1-3 d at "
       "1.0-1.5 mm, 2-4 d at 2 mm and more)",
       "mediators released per day per unit of injured tissue still unrepaired"},
      {"healing.mediator_half_life_h", "h", 3.0, 0.5, 6.0,
       "redness lasts 3-6 h after superficial needling (Hong Kong J Dermatol Venereol 2018)",
       "half-life of vasoactive mediators in tissue"},
      {"healing.mediator_diffusivity_mm2_day", "mm2/day", 4.0, 0.1, 10.0,
       "small molecules in tissue (~1e-6 cm2/s in water); estimate",
       "diffusivity of vasoactive mediators"},
      {"healing.vasodilation_time_constant_h", "h", 1.0, 0.25, 4.0,
       "redness rises within hours of a session; estimate",
       "time for vessels to follow the mediators"},
      {"healing.inflammation_recruitment_per_day", "1/day", 3.0, 0.5, 10.0,
       "inflammation from day 0 (wound-healing reviews; calibration sheet 3); estimate",
       "rate at which mediators at full effect fill the tissue with inflammatory cells"},
      {"healing.inflammation_half_life_d", "days", 1.5, 0.5, 4.0,
       "inflammation gives way to proliferation from day 3-5 (wound-healing reviews; "
       "calibration sheet 3); estimate",
       "half-life of the inflammatory infiltrate once the mediators are gone"},
      {"healing.inflammation_tolerance", "1", 0.6, 0.0, 1.0,
       "estimate: a monthly session's infiltrate resolves before it harms the new matrix; "
       "one renewed before it resolves does not",
       "infiltrate above which its proteases break down new matrix"},
      {"healing.matrix_breakdown_per_day", "1/day", 2.0, 0.0, 5.0,
       "estimate (proteases of a persistent infiltrate degrade new collagen; over-treatment "
       "lowers the benefit: makers' guidance on intervals)",
       "rate at which new matrix and refilled volume are broken down per unit of infiltrate "
       "above the tolerance"},
      {"healing.signal_release_per_day", "1/day", 800.0, 100.0, 5000.0, "estimate",
       "growth signal released per unit of injured tissue"},
      {"healing.signal_autocrine_per_day", "1/day", 40.0, 0.0, 60.0,
       "estimate; kept below the level at which activation would sustain itself",
       "growth signal released by activated fibroblasts"},
      {"healing.signal_half_life_min", "min", 2.5, 2.0, 3.0, "Wakefield 1990 (active TGF-beta)",
       "half-life of the active growth signal"},
      {"healing.signal_diffusivity_um2_s", "um2/s", 30.0, 1.0, 100.0,
       "free ~100 um2/s, much slower when bound in matrix (Ansorge 2017)",
       "diffusivity of the growth signal"},
      {"healing.paracrine_release_per_day", "1/day", 4.0, 0.0, 20.0,
       "estimate: growth factors stay raised for about 2 weeks after needling (TGF-beta3, "
       "rat: Aust et al. 2010)",
       "matrix-bound growth factors released per unit of injured tissue"},
      {"healing.paracrine_half_life_d", "days", 3.0, 1.0, 7.0,
       "growth factors raised for ~2 weeks after needling (Aust et al. 2010): a few days' "
       "life; latent TGF-beta is activated slowly from the matrix (Ansorge 2017); estimate",
       "half-life of the matrix-bound growth factors"},
      {"healing.paracrine_diffusivity_um2_s", "um2/s", 1.3, 0.3, 5.0,
       "matrix-bound growth factors spread far slower than free TGF-beta (~100 um2/s, Ansorge "
       "2017); set for a reach sqrt(D / k) of ~0.7 mm, within 0.5-1 mm; estimate",
       "diffusivity of the matrix-bound growth factors"},
      {"healing.paracrine_potency", "1", 0.5, 0.0, 1.0,
       "estimate: latent factors activate fibroblasts slowly and less than the active signal; "
       "with it a roller's sparse punctures remodel the skin between them (Lotfi 2013 scars "
       "respond to a 1.5 mm roller)",
       "fibroblast drive at full growth-factor saturation, relative to the active signal's"},
      {"healing.fibroblast_activation_per_day", "1/day", 0.5, 0.1, 2.0,
       "myofibroblasts appear on days 4-7 (Desmouliere 1995); estimate",
       "rate at which resting fibroblasts activate under full signal"},
      {"healing.fibroblast_doubling_days", "days", 4.0, 2.0, 6.0, "Hadjipanayi 2009",
       "doubling time of activated fibroblasts under full signal", kHealingTime},
      {"healing.fibroblast_capacity", "1", 3.0, 1.5, 6.0,
       "estimate (granulation tissue is several times as cellular as dermis)",
       "largest fibroblast density, relative to resting dermis"},
      {"healing.fibroblast_clearance_half_life_d", "days", 4.0, 3.0, 14.0,
       "calibrated: myofibroblasts cleared by apoptosis at 2-4 weeks (Desmouliere 1995; "
       "validation case desmouliere_1995)",
       "half-life of activated fibroblasts once the signal is gone"},
      {"healing.fibroblast_speed_um_h", "um/h", 20.0, 10.0, 30.0, "Hakkinen 2011",
       "migration speed of fibroblasts in 3-D matrix"},
      {"healing.fibroblast_persistence_h", "h", 1.0, 0.3, 3.0, "estimate",
       "time a fibroblast keeps its direction; with the speed it sets the motility"},
      {"healing.remodelling_gain_per_day", "1/day", 0.16, 0.02, 0.5,
       "estimate, set with the clearance so rolling and boxcar scars respond well to Lotfi "
       "2013's roller series",
       "remodelling activity built up per unit of activated fibroblasts"},
      {"healing.remodelling_half_life_d", "days", 90.0, 30.0, 180.0,
       "remodelling runs from ~8 weeks to a year (wound-healing reviews)",
       "half-life of remodelling activity"},
      {"healing.collagen_synthesis_per_day", "1/day", 0.038, 0.001, 0.3,
       "calibrated: Lotfi 2013 papillary collagen +53 % (see docs/MODEL.md)",
       "collagen laid down per activated fibroblast, relative to the local normal density",
       kFibroblastResponse},
      {"healing.collagen_refill_per_day", "1/day", 0.012, 0.0, 0.1,
       "results keep improving for months (clinics; Aust 2008); about 10-15 % scar improvement "
       "per session (clinics, weak); estimate",
       "share of a deficit's missing volume remodelling at full activity refills per day"},
      {"healing.collagen3_share_new", "1", 0.6, 0.3, 0.8,
       "early wound collagen is rich in type III (Madden & Peacock 1968; Robins 2003)",
       "share of newly laid collagen that is type III"},
      {"healing.collagen3_maturation_half_life_d", "days", 150.0, 60.0, 365.0,
       "III/I ratio still ~70 % above baseline at 6 months (Robins 2003)",
       "half-life of excess collagen III before it is replaced by type I"},
      {"healing.collagen_crosslink_half_life_d", "days", 21.0, 10.0, 45.0,
       "visible results from 4-6 weeks, improving for months (clinics, M); wound collagen "
       "content plateaus at ~3 weeks while its cross-links keep maturing (Madden & Peacock "
       "1968)",
       "half-life of newly laid collagen before it is cross-linked and holds the surface up"},
      {"healing.collagen_half_life_years", "years", 15.0, 10.0, 20.0, "Verzijl 2000",
       "half-life of mature dermal collagen"},
      {"healing.collagen_capacity", "1", 2.0, 1.3, 3.0,
       "dermal density +102 % after 4 sessions (Kenkel 2021); estimate",
       "densest the matrix can become, relative to normal"},
      {"healing.elastin_synthesis_per_day", "1/day", 0.004, 0.0, 0.05, "estimate",
       "elastin laid down per unit of remodelling activity, relative to normal"},
      {"healing.elastin_half_life_years", "years", 70.0, 40.0, 100.0, "Shapiro 1991 (~74 years)",
       "half-life of dermal elastin"},
      {"healing.elastin_capacity", "1", 1.6, 1.1, 3.0, "estimate",
       "most elastin the dermis holds, relative to normal"},
      {"healing.scar_collagen3_excess", "1", 0.2, 0.0, 0.4,
       "estimate (disorganised scar and striae matrix is richer in type III than normal dermis)",
       "extra type III share of the collagen in fully disordered matrix"},
      {"healing.scar_collagen3_max_share", "1", 0.9, 0.6, 1.0,
       "estimate (even young scar matrix keeps some type I)",
       "largest type III share of the collagen in disordered matrix"},
      {"healing.scar_elastin_loss", "1", 0.7, 0.3, 0.9,
       "estimate (elastic fibres sparse and fragmented in atrophic scars and striae)",
       "fraction of normal elastin missing from fully disordered matrix"},
      {"healing.keratinocyte_signal_release_per_day", "1/day", 80.0, 1.0, 200.0,
       "calibrated with the epidermis's growth rate on Lotfi 2013 (epidermis +50 %)",
       "keratinocyte growth factors made per day per unit of activated papillary fibroblasts, in "
       "units of their half-saturation"},
      {"healing.keratinocyte_signal_half_life_h", "h", 2.0, 0.5, 12.0,
       "estimate (growth factors free in wound tissue last minutes to hours)",
       "half-life of keratinocyte growth factors at the basal layer"},
      {"healing.keratinocyte_signal_diffusivity_um2_s", "um2/s", 30.0, 5.0, 100.0,
       "as the growth signal (a heparin-binding ~20 kDa factor); reach sqrt(D / k) ~0.5 mm; "
       "estimate",
       "diffusivity of keratinocyte growth factors along the basal layer"},
      {"healing.epidermis_growth_per_day", "1/day", 0.03, 0.0, 0.2,
       "calibrated on Lotfi 2013 (epidermis +50 %)",
       "epidermal thickening per day at saturating keratinocyte growth factors"},
      {"healing.epidermis_max_gain", "1", 0.6, 0.2, 1.0,
       "epidermis +50 % (Lotfi 2013), stratum spinosum +40 % at 1 year (Aust 2008)",
       "largest epidermal thickening, relative to baseline"},
      {"healing.epidermis_relax_half_life_d", "days", 365.0, 90.0, 730.0,
       "thickening still present at 1 year (Aust 2008); estimate",
       "half-life of epidermal thickening"},
      {"healing.surface_blood_half_life_h", "h", 1.0, 0.25, 4.0,
       "pinpoint bleeding stops within minutes and is cleared within hours; estimate",
       "half-life of blood lying on the skin"},
      {"healing.flare_half_saturation", "1", 0.005, 0.0005, 0.05,
       "estimate: a single prick flares skin a centimetre across (Lewis 1927, triple "
       "response); past ~20 punctures/cm2 the treated area is flared throughout",
       "share of the innervated upper skin (epidermis and papillary dermis) freshly injured, "
       "spread over the flare's reach, at which the neurogenic flare is half its full strength"},
      {"healing.flare_reach_mm", "mm", 2.0, 0.5, 10.0,
       "axon-reflex flare spreads mm to cm around a wound through the branches of one sensory "
       "nerve (Lewis 1927); estimate",
       "screening length over which one injury's flare stimulus spreads sideways"},
      {"healing.flare_half_life_min", "min", 15.0, 5.0, 60.0,
       "the flare appears within a minute and fades within about an hour (Lewis 1927); "
       "estimate",
       "half-life of the neurogenic flare stimulus (neuropeptide release after the injury)"},
      {"healing.flare_max_vasodilation", "1", 0.3, 0.0, 0.6,
       "estimate: a flare is pink, not the deep redness of the wound itself (a* +2.4 on "
       "type III skin at 0.3)",
       "vasodilation of a saturated neurogenic flare, on the scale of full vasodilation"},
      {"redness.sampling_depth_mm", "mm", 0.3, 0.1, 0.6,
       "depth green light reaches in dermis (Anderson & Parrish 1981); estimate",
       "depth scale over which dermal vessels colour the skin"},
      {"surface.smoothing_length_mm", "mm", 0.1, 0.02, 0.5,
       "estimate (the epidermis and papillary dermis bridge small dips)",
       "length over which the surface smooths the relief of the dermis below"},
      {"numerics.first_step_min", "min", 30.0, 1.0, 60.0,
       "convergence study (docs/MODEL.md section 4): with 30 min the default series is as close "
       "to the run with every step quartered as with 10 min (downtime 0.6 %, pih_risk 1.7 %), "
       "in 12 % fewer steps",
       "time step right after a session"},
      {"numerics.mediator_substep_life", "1", 0.5, 0.02, 4.0,
       "convergence study (docs/MODEL.md section 3, mediators): the first downtime 0.6 % from "
       "the run with every step quartered; longer sub-steps keep spikes at the punctures too "
       "long (their spread is not positive there)",
       "longest mediator sub-step while they redden the skin, in mediator lifetimes (1/k)"},
      {"numerics.mediator_visible", "1", 0.05, 0.005, 0.2,
       "convergence study (docs/MODEL.md section 3, mediators): downtime unchanged to 0.001 day "
       "from 0.01",
       "largest mediator level, in units of their half-saturation, below which they no longer "
       "redden the skin measurably and take no sub-steps"},
      {"numerics.mediator_drop", "1", 1e-3, 1e-6, 0.01,
       "convergence study (docs/MODEL.md section 4): against dropping them at a millionth, "
       "no timeseries column of the default series moves by more than 0.005 (a*) and no "
       "headline by more than 1e-6; a series takes ~0.95 x the time",
       "largest mediator level, in units of their half-saturation, below which (once the "
       "channels have closed) they and the vessels' dilation are set to zero until the next "
       "session"},
      {"numerics.mediator_coarsening", "1", 2.0, 1.0, 4.0,
       "convergence study (docs/MODEL.md section 3, mediators): at 2 (150 um cells, a sixth of "
       "their reach) the default series' headlines move by at most 0.3 % from 1, the roller's "
       "first redness (2.5 h) by 6 min; a series takes ~0.7 x the time",
       "tissue cells per mediator cell across the skin (rounded to a whole number, and lowered "
       "to one that divides the grid's cells across): the mediators reach ~0.85 mm and spread "
       "on the coarser grid, and the vessels and the infiltrate they act on follow them there"},
      {"numerics.paracrine_coarsening", "1", 2.0, 1.0, 4.0,
       "convergence study (docs/MODEL.md section 3, growth factors): at 2 (150 um cells) the "
       "default series moves by at most 0.1 %, the roller's improvement by 0.08 points; a "
       "series takes ~0.95 x the time",
       "tissue cells per growth-factor cell across the skin (rounded to a whole number, and "
       "lowered to one that divides the grid's cells across): the matrix-bound growth factors "
       "reach ~0.7 mm and spread on the coarser grid, while the fibroblasts they drive stay fine"},
      {"numerics.fibroblast_spread_wait_days", "days", 0.4, 0.0, 2.0,
       "convergence study (docs/MODEL.md section 4): against a spread every step, the default "
       "series' collagen and improvement move by under 0.001 % and its downtimes not at all",
       "time the fibroblasts' spread may gather over the short steps after a session before it "
       "is taken in one go (they crawl sqrt(2 D t) ~ 50 um, a cell in depth, in 0.4 day)"},
      {"numerics.slow_step_min_days", "days", 0.15, 0.0, 0.5,
       "convergence study (docs/MODEL.md section 4): against the run with every step "
       "quartered, the default series' headlines are within 0.6 % of it (without the wait: "
       "1.9 %) and the downtimes do not move; a series takes ~0.9 x the time; at 0.5 "
       "fibrosis_risk moves 9 %",
       "shortest step of the cells, their signals, the growth factors and the matrix: while the "
       "mediators take the short steps after a session, these gather the steps until this much "
       "time has passed, then take it in one step"},
      {"numerics.step_growth", "1", 1.3, 1.05, 2.0, "numerics",
       "factor by which each step may exceed the last as the skin settles"},
      {"numerics.max_step_days", "days", 4.0, 0.1, 7.0,
       "convergence study (docs/MODEL.md section 4): 4-day steps in the quiet weeks move no "
       "headline beyond the convergence test's tolerance",
       "longest time step; readings inside a longer-than-a-day step are interpolated, so "
       "outputs stay at least daily"},
      // --- end: healing ---
      // --- section: harm (HarmRisk.cpp) ---
      {"harm.pih_inflammation_threshold", "1", 0.3, 0.0, 0.8,
       "estimate: a session at a site's usual depth, a month apart, leaves the papillary "
       "dermis inflamed for a few days only",
       "mean papillary infiltrate above which inflammation counts toward pigmentation risk"},
      {"harm.pih_dose_days", "days", 6.0, 0.5, 20.0,
       "estimate (post-inflammatory hyperpigmentation follows inflammation that is strong or "
       "lasts; more needling is not better)",
       "papillary inflammation dose (days above the threshold) at which a type-V skin's risk "
       "reaches 1 - 1/e"},
      {"harm.pih_susceptibility_ratio", "1", 1.8, 1.0, 3.0,
       "estimate (post-inflammatory hyperpigmentation is more common and lasts longer in "
       "Fitzpatrick IV-VI)",
       "factor by which pigmentation susceptibility grows per Fitzpatrick type: type F is "
       "ratio^(F - 5) of type V's (type I ~0.1 at 1.8)"},
      {"harm.fibrosis_inflammation_threshold", "1", 0.45, 0.0, 0.8,
       "estimate (as the pigmentation threshold, through the dermis)",
       "mean dermal infiltrate above which inflammation counts toward fibrosis risk"},
      {"harm.fibrosis_dose_days", "days", 3.0, 0.5, 30.0,
       "estimate (inflammation that does not resolve drives fibrosis: wound-healing reviews)",
       "dermal inflammation dose (days above the threshold) at which fibrosis risk reaches "
       "1 - 1/e"},
      // --- end: harm ---
      // --- section: adjuncts (Adjuncts.cpp) ---
      {"adjunct.prp_growth_factor_load", "1", 26.0, 0.0, 100.0,
       "calibrated: microneedling with PRP improved acne scars 1.27x as much as with saline, "
       "split-face (Sharma, Kaur & Bassi, J Pak Assoc Dermatol; n = 40; moderate)",
       "platelet growth factors PRP brings into a voxel full of open lumen, in units of the "
       "growth factors' half-saturation"},
      {"adjunct.hyaluronic_acid_diffusivity_um2_s", "um2/s", 2.0, 0.1, 20.0,
       "estimate: high-molecular hyaluronan (~1 MDa) diffuses at ~5 um2/s in water, slower in "
       "the dermis's matrix",
       "diffusivity in the dermis of a hyaluronic-acid serum's hyaluronan"},
      {"adjunct.vitamin_c_diffusivity_um2_s", "um2/s", 200.0, 50.0, 800.0,
       "estimate: ascorbic acid diffuses at ~700 um2/s in water; tissue hinders small "
       "molecules 2-4x",
       "diffusivity in the dermis of a vitamin C serum's ascorbic acid"},
      // --- end: adjuncts ---
  };
  return table;
}

namespace {

// Row of `key` in parameterTable(), or npos; built once, so a lookup is a map search.
std::size_t rowOf(std::string_view key) {
  static const std::map<std::string_view, std::size_t> rows = [] {
    std::map<std::string_view, std::size_t> m;
    const auto& table = parameterTable();
    for (std::size_t i = 0; i < table.size(); ++i) m.emplace(table[i].key, i);
    return m;
  }();
  const auto it = rows.find(key);
  return it == rows.end() ? std::string_view::npos : it->second;
}

}  // namespace

const ParameterSpec* findParameter(std::string_view key) {
  const std::size_t row = rowOf(key);
  return row == std::string_view::npos ? nullptr : &parameterTable()[row];
}

ModelParameters::ModelParameters() : read_(parameterTable().size(), 0) {
  for (const auto& spec : parameterTable()) values_.push_back(spec.value);
}

bool inRange(const ParameterSpec& spec, double value) {
  return value >= spec.min && value <= spec.max;
}

std::string rangeText(const ParameterSpec& spec) {
  std::string text =
      "must be between " + readableNumber(spec.min) + " and " + readableNumber(spec.max);
  if (spec.unit != "1") text.append(" ").append(spec.unit);
  return text;
}

std::optional<std::string> ModelParameters::validate(
    const std::map<std::string, double>& overrides) {
  for (const auto& [key, value] : overrides) {
    const ParameterSpec* spec = findParameter(key);
    if (!spec) return "parameters." + key + ": unknown model parameter (see `dermasim params`)";
    if (!inRange(*spec, value))
      return "parameters." + key + ": " + rangeText(*spec) + " (got " + readableNumber(value) + ")";
  }
  return std::nullopt;
}

ModelParameters ModelParameters::withOverrides(const std::map<std::string, double>& overrides) {
  if (auto error = validate(overrides)) throw std::invalid_argument(*error);
  ModelParameters p;
  for (const auto& [key, value] : overrides) p.values_[rowOf(key)] = value;
  return p;
}

double ModelParameters::operator[](std::string_view key) const {
  const std::size_t row = rowOf(key);
  if (row == std::string_view::npos)
    throw std::out_of_range("no model parameter named " + std::string(key));
  std::atomic_ref<unsigned char>(read_[row]).store(1, std::memory_order_relaxed);
  return values_[row];
}

std::vector<std::string_view> ModelParameters::unreadKeys() const {
  std::vector<std::string_view> unread;
  const auto& table = parameterTable();
  for (std::size_t i = 0; i < table.size(); ++i)
    if (std::atomic_ref<unsigned char>(read_[i]).load(std::memory_order_relaxed) == 0)
      unread.push_back(table[i].key);
  return unread;
}

}  // namespace dermasim
