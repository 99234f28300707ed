#pragma once
// The skin's response to needling, from the first hours to the months after a series: a
// model that owns its fields and advances them with step(). Each process is a mechanism on
// the grid (docs/MODEL.md section 2):
//   tracks injure tissue and leave open channels, which close from their floor and walls
//   (NeedleChannels);
//   fresh injury fires the nerves around it into a short-lived flare (NeurogenicFlare);
//   fresh injury and open channels release vasoactive mediators (-> erythema), injured
//   tissue a growth signal, both diffusing and decaying; the signal activates fibroblasts, which
//   proliferate, migrate and lay down collagen III then I into the room the matrix has; a slower
//   remodelling activity refills deficits toward normal density and lays down elastin; collagen III
//   matures to I.

#include <cstdint>
#include <functional>
#include <vector>

#include "core/devices/Puncture.hpp"
#include "core/healing/HealingKernels.hpp"
#include "core/healing/NeedleChannels.hpp"
#include "core/healing/NeurogenicFlare.hpp"
#include "core/numerics/CoarserAcross.hpp"
#include "core/numerics/DouglasSpread.hpp"
#include "core/numerics/LodDiffusion.hpp"
#include "core/numerics/OrderedSum.hpp"
#include "core/parameters/ModelParameters.hpp"
#include "core/tissue/BaselineSkin.hpp"
#include "core/tissue/NeedleTracks.hpp"
#include "core/tissue/ScarTethers.hpp"
#include "core/tissue/TissueState.hpp"

namespace dermasim {

struct HealingRates {
  // all per day unless stated
  double injury_repair_epidermis, injury_repair_dermis;
  double mediator_burst, mediator_release_open, mediator_release_injury, mediator_decay,
      mediator_diffusivity, vasodilation_rate;
  double inflammation_recruitment, inflammation_resolution, inflammation_tolerance,
      matrix_breakdown;
  // mean infiltrate above which a layer's inflammation counts toward the harm doses
  double pih_threshold, fibrosis_threshold;
  double signal_release, signal_autocrine, signal_decay, signal_diffusivity;
  double paracrine_release, paracrine_decay, paracrine_diffusivity, paracrine_potency;
  double fibroblast_activation, fibroblast_growth, fibroblast_capacity, fibroblast_clearance,
      fibroblast_motility;
  double remodelling_gain, remodelling_decay;
  double collagen_synthesis, collagen_refill, collagen3_share, collagen3_maturation,
      collagen_turnover, collagen_capacity, collagen_crosslinking;
  double elastin_synthesis, elastin_turnover, elastin_capacity;
  double keratinocyte_signal_release, keratinocyte_signal_decay, keratinocyte_signal_diffusivity;
  double epidermis_growth, epidermis_max_gain, epidermis_relax;
  double mediator_substep_life;   // longest mediator sub-step, in mediator lifetimes (1/k)
  double mediator_visible;        // below this largest level, no mediator sub-steps
  double mediator_drop;           // below this largest level, mediators set to zero
  int mediator_coarsening;        // tissue cells per mediator cell across the skin
  int paracrine_coarsening;       // tissue cells per growth-factor cell across the skin
  double fibroblast_spread_wait;  // days the fibroblasts' spread may gather before it is taken
  double slow_step_min;           // days the cells and the matrix gather short steps over
  double surface_blood_clearance;
  // Not rates: how disordered (scar, striae) matrix differs from normal matrix, per unit of
  // disorder.
  double scar_collagen3_excess, scar_collagen3_max_share, scar_elastin_loss;
  static HealingRates from(const ModelParameters& p);
};

// What one session did to the tissue, beyond the punctures themselves.
struct SessionInjury {
  double blood_released_mm3 = 0;
  // Share of the skin surface over open channel lumen one hour after the session, and share of
  // the papillary dermis's area injured: how fractional (not confluent) the injury is.
  double open_surface_fraction = 0;
  double injured_area_fraction = 0;
};

// Sums over one depth plane of the matrix and the activated cells, kept up to date by step()
// while each plane is still in cache, so the readout need not sweep the grid again.
struct PlaneTotals {
  double collagen1 = 0, collagen3 = 0, elastin = 0, fibroblasts = 0, inflammation = 0;
};

// Inflammation the skin has carried, integrated over time (days): the doses the harm risks
// are read from (HarmRisk.hpp). Each is the integral of how far the mean infiltrate of a layer
// stood above its threshold.
struct InflammationDose {
  double papillary_days = 0;  // over the melanocytes at the dermal-epidermal junction
  double dermis_days = 0;     // through the dermis
};

class HealingModel {
 public:
  // `stepScale` (model.time_step_scale) scales the model's internal sub-steps.
  HealingModel(BaselineSkin baseline, const ModelParameters& parameters, double stepScale = 1.0);

  // A session's punctures land on the tissue as the last session left it. `seed` draws how fast
  // each of its channels closes.
  SessionInjury applySession(const std::vector<Puncture>& punctures, std::uint64_t seed = 0);
  void step(double dtDays);
  // The open share of each voxel now: where whatever is put on the skin can get in.
  void lumenNow(Field& lumen);
  // Growth factors brought in from outside (platelet-rich plasma) into the open lumen, `load`
  // per voxel of lumen, joining the matrix-bound ones (Adjuncts.hpp).
  void addGrowthFactors(const Field& lumen, double load);

  double day() const { return day_; }
  const Grid& grid() const { return base_.grid; }
  const BaselineSkin& baseline() const { return base_; }
  // The fields as of day(), but for the cells, their signals, the growth factors, the matrix
  // and the injury, which may lag it by up to numerics.slow_step_min_days in the short steps
  // after a session (they take those steps together). The mediators, the vessels' dilation and
  // the infiltrate live on the mediators' grid (mediatorCells().coarse(), coarser across than
  // the tissue's with numerics.mediator_coarsening above 1); onTissueGrid() brings them over.
  const TissueState& state() const { return st_; }
  const CoarserAcross& mediatorCells() const { return mediatorCells_; }
  // A field of the mediators' grid prolonged to the tissue grid (the amount kept).
  Field onTissueGrid(const Field& mediatorGridField) const;
  const HealingRates& rates() const { return rates_; }
  // Voxel baselines, for outputs relative to the untreated skin.
  const Field& baseCollagen1() const { return c1Base_; }
  const Field& baseCollagen3() const { return c3Base_; }
  const Field& baseElastin() const { return elastinBase_; }
  // Of the last session's channels: the share still open at any depth, and the share whose
  // epidermal opening (the water barrier) has not sealed.
  double channelsOpen() const { return channels_.channelsOpen(day_); }
  double barrierOpen() const { return channels_.barrierOpen(day_); }
  const NeedleChannels& channels() const { return channels_; }
  const ScarTethers& tethers() const { return tethers_; }
  const NeurogenicFlare& flare() const { return flare_; }
  const std::vector<PlaneTotals>& planeTotals() const { return totals_; }
  // Mean infiltrate of the papillary dermis and of the whole dermis, now.
  double papillaryInflammation() const;
  double dermisInflammation() const;
  const InflammationDose& inflammationDose() const { return dose_; }
  // The matrix-bound growth factors on the tissue grid. On their own coarser grid
  // (numerics.paracrine_coarsening) state().paracrine is empty and this prolongs them.
  Field growthFactors() const;

  // The stages of step(), public so benchmarks can time each kernel on its own. `openLumen`
  // sets the lumen to its mean over the coming step of length dt.
  // `inflammationDone`: the mediators' sub-steps have moved the infiltrate this step (without
  // them there are no mediators, and it resolves here).
  void react(double dt, bool inflammationDone);
  void openLumen(double dt);

 private:
  void growEpidermis(double dt);
  void totalPlane(int k);
  // A plane's totals, summed piece by piece as the kernels go.
  struct PlaneSums {
    OrderedSum collagen1, collagen3, elastin, fibroblasts;
    void add(const PlaneFields& f, std::ptrdiff_t n);
    PlaneTotals totals() const;
  };
  void stepMediators(double dt);
  // Mediators and the vessels' response to them set to zero, not stepped until the next
  // session: the infiltrate resolves in react() from then on.
  void dropMediators();
  // A plane's mediator release into `change`, or a plane's change applied.
  using PlaneUpdate = std::function<void(int z, float* change)>;
  // One step of mediators too faint to redden anything: the reactions, the split solves over
  // the time `life` they live within the step, then the change applied; `largest` gets each
  // plane's largest value after it.
  void stepFaintMediators(double life, const PlaneUpdate& release, const PlaneUpdate& apply,
                          std::vector<float>& largest);
  // Plane k's fields on the tissue grid (the mediators, vessels and infiltrate absent), or on
  // the mediators' grid (their sources, themselves, the vessels and the infiltrate).
  PlaneFields planeFields(int k);
  PlaneFields mediatorPlane(int k);
  // The slow part of a step of dt: the cells, their signals, the growth factors, the matrix and
  // the epidermis, with the harm doses over it. `inflammationDone`: the mediators moved the
  // infiltrate over it.
  void stepSlow(double dt, bool inflammationDone);
  // The slow part over the time it has gathered (numerics.slow_step_min_days), if any.
  void catchUpSlow();
  // Plane k's untreated matrix (for untreatedMatrix()).
  MatrixMakeup matrixMakeup(int k) const;
  bool mediatorsCoarse() const { return mediatorCells_.factor() > 1; }
  // The infiltrate of plane k resolved over dt where no mediators moved it (!inflammationDone),
  // and brought to the tissue grid for the matrix: into `fine` (a plane of it), or a plane of
  // zeros where none stands above the tolerance it harms the matrix beyond. `total`: the
  // plane's sum in tissue voxels.
  struct Infiltrate {
    const float* plane;
    double total;
  };
  Infiltrate infiltrateFor(int k, double dt, bool inflammationDone, float* fine);
  bool paracrineCoarse() const { return paracrineCells_.factor() > 1; }
  // The growth factors on plane k of their coarse grid over a step, P <- P keep + release x
  // (the restricted injury at the step's start), and the plane prolonged to the tissue grid
  // into `fine`, for react()'s kernel.
  void growCoarseParacrine(int k, float keep, float release, float* fine);
  // Plane k's injury over a step of dt: the share left, and the injury present over the step.
  struct InjuryOverStep {
    float keep, exposure;
  };
  InjuryOverStep injuryOver(int k, float dt) const;
  // Growth factors plane k releases per unit of injury present.
  float paracrineRelease(int k) const;

  BaselineSkin base_;
  HealingRates rates_;
  TrackGeometry tracks_;
  TissueState st_;
  Field c1Base_, c3Base_, elastinBase_;
  std::vector<float> repairRate_;  // per depth cell, blending epidermis and dermis
  std::vector<int> papillaryCells_, dermisCells_;
  InflammationDose dose_;
  bool lined_ = false;  // whether any column of the baseline is lined
  // The mediators' own grid, coarser across than the tissue's (numerics.mediator_coarsening),
  // where they, the vessels and the infiltrate live (st_.mediators, st_.vasodilation,
  // st_.inflammation).
  CoarserAcross mediatorCells_;
  // Their sources restricted to it: the lumen when it changes, the injury at each session
  // (react() repairs both copies alike; the growth factors take it too).
  Field coarseLumen_, coarseInjury_;
  // Whether coarseLumen_ holds the lumen as it is (it stays cleared once the channels close).
  bool coarseLumenCurrent_ = false;
  DouglasSpread mediatorSpread_;
  // The mediators' spread once they redden nothing (see stepMediators()).
  LodDiffusion faintMediatorSpread_;
  Field faintMediators_;  // their value after a faint step, before it is applied
  // The growth factors' own grid (numerics.paracrine_coarsening): with a factor above 1 they
  // live in coarseParacrine_, st_.paracrine is empty, and react() prolongs each plane into
  // scratch for the cells' kernel (only the cells read them on the tissue grid).
  CoarserAcross paracrineCells_;
  Field coarseParacrine_;
  LodDiffusion signalSpread_, paracrineSpread_, fibroblastSpread_;
  LodDiffusion keratinocyteSignalSpread_;  // along the basal layer (one plane)
  NeedleChannels channels_;
  ScarTethers tethers_;
  NeurogenicFlare flare_;
  std::vector<PlaneTotals> totals_;
  int sessions_ = 0;
  double day_ = 0;
  static constexpr int kMaxMediatorSubsteps = 64;
  // Fields whose largest value is below this act on nothing measurable (a millionth of their
  // half-saturation or of the resting cell density): they still react, but are not spread.
  static constexpr float kSpreadless = 1e-6F;
  // Columns per piece of a plane in react(): its ~20 fields take ~0.7 MB, within one core's L2
  // (2 MB here) beside the other thread's.
  static constexpr std::ptrdiff_t kPieceColumns = 8192;
  // Below this many columns a 2-D loop is not worth OpenMP's fork and join.
  static constexpr std::size_t kParallelColumns = 4096;
  float maxMediators_ = 0, maxSignal_ = 0, maxParacrine_ = 0, maxFibroblasts_ = 0;
  // Which fields hold anything: empty ones are skipped.
  bool channelsOpen_ = false;
  // Which planes hold disordered matrix: only those read the disorder in react().
  std::vector<char> disorderedPlane_;  // char, not bool: written by plane in parallel
  // Time the fibroblasts have not yet been spread over (numerics.fibroblast_spread_wait_days).
  double fibroblastsUnspread_ = 0;
  // Time the cells, the growth factors and the matrix have not yet been stepped over
  // (numerics.slow_step_min_days).
  double slowUnstepped_ = 0;
};

}  // namespace dermasim
