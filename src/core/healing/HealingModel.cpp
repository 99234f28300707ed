#include "core/healing/HealingModel.hpp"

#include "core/healing/HealingKernels.hpp"
#include "core/numerics/OrderedSum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace dermasim {
namespace {

constexpr double kLn2 = std::numbers::ln2;
constexpr double kHoursPerDay = 24.0;
constexpr double kDaysPerYear = 365.25;

double perDayFromHalfLifeHours(double h) { return kLn2 / (h / kHoursPerDay); }
double perDayFromHalfLifeDays(double d) { return kLn2 / d; }

Eigen::Index at(std::size_t v) { return static_cast<Eigen::Index>(v); }

// How much of each depth cell lies in the innervated upper skin: the sensory endings that
// fire the flare reach into the epidermis and branch beneath it in the papillary dermis.
std::vector<float> innervatedShare(const BaselineSkin& b) {
  const Grid& g = b.grid;
  const double bottom = b.layers.papillaryBottomMm();
  std::vector<float> share(static_cast<std::size_t>(g.nz));
  for (int k = 0; k < g.nz; ++k)
    share[static_cast<std::size_t>(k)] =
        static_cast<float>(std::clamp((bottom - k * g.dz_mm) / g.dz_mm, 0.0, 1.0));
  return share;
}

}  // namespace

HealingRates HealingRates::from(const ModelParameters& p) {
  HealingRates r{};
  r.injury_repair_epidermis = perDayFromHalfLifeHours(p["healing.epidermis_repair_half_life_h"]);
  r.injury_repair_dermis = perDayFromHalfLifeHours(p["healing.dermis_repair_half_life_h"]);
  r.mediator_burst = p["healing.mediator_burst"];
  r.mediator_release_open = p["healing.mediator_release_open_per_day"];
  r.mediator_release_injury = p["healing.mediator_release_injury_per_day"];
  r.mediator_decay = perDayFromHalfLifeHours(p["healing.mediator_half_life_h"]);
  r.mediator_diffusivity = p["healing.mediator_diffusivity_mm2_day"];
  r.mediator_substep_life = p["numerics.mediator_substep_life"];
  r.mediator_visible = p["numerics.mediator_visible"];
  r.mediator_drop = p["numerics.mediator_drop"];
  r.mediator_coarsening = static_cast<int>(std::lround(p["numerics.mediator_coarsening"]));
  r.paracrine_coarsening = static_cast<int>(std::lround(p["numerics.paracrine_coarsening"]));
  r.fibroblast_spread_wait = p["numerics.fibroblast_spread_wait_days"];
  r.slow_step_min = p["numerics.slow_step_min_days"];
  r.vasodilation_rate = kHoursPerDay / p["healing.vasodilation_time_constant_h"];
  r.inflammation_recruitment = p["healing.inflammation_recruitment_per_day"];
  r.inflammation_resolution = perDayFromHalfLifeDays(p["healing.inflammation_half_life_d"]);
  r.inflammation_tolerance = p["healing.inflammation_tolerance"];
  r.matrix_breakdown = p["healing.matrix_breakdown_per_day"];
  r.pih_threshold = p["harm.pih_inflammation_threshold"];
  r.fibrosis_threshold = p["harm.fibrosis_inflammation_threshold"];
  r.signal_release = p["healing.signal_release_per_day"];
  r.signal_autocrine = p["healing.signal_autocrine_per_day"];
  r.signal_decay = kLn2 / (p["healing.signal_half_life_min"] / (60.0 * kHoursPerDay));
  r.signal_diffusivity = p["healing.signal_diffusivity_um2_s"] * 1e-6 * 86400.0;
  r.paracrine_release = p["healing.paracrine_release_per_day"];
  r.paracrine_decay = perDayFromHalfLifeDays(p["healing.paracrine_half_life_d"]);
  r.paracrine_diffusivity = p["healing.paracrine_diffusivity_um2_s"] * 1e-6 * 86400.0;
  r.paracrine_potency = p["healing.paracrine_potency"];
  r.fibroblast_activation = p["healing.fibroblast_activation_per_day"];
  r.fibroblast_growth = perDayFromHalfLifeDays(p["healing.fibroblast_doubling_days"]);
  r.fibroblast_capacity = p["healing.fibroblast_capacity"];
  r.fibroblast_clearance = perDayFromHalfLifeDays(p["healing.fibroblast_clearance_half_life_d"]);
  // Persistent random walk in 3-D: D = v^2 tau / 3.
  const double speed = p["healing.fibroblast_speed_um_h"] * kHoursPerDay / 1000.0;  // mm/day
  r.fibroblast_motility =
      speed * speed * (p["healing.fibroblast_persistence_h"] / kHoursPerDay) / 3.0;
  r.remodelling_gain = p["healing.remodelling_gain_per_day"];
  r.remodelling_decay = perDayFromHalfLifeDays(p["healing.remodelling_half_life_d"]);
  r.collagen_synthesis = p["healing.collagen_synthesis_per_day"];
  r.collagen_refill = p["healing.collagen_refill_per_day"];
  r.collagen3_share = p["healing.collagen3_share_new"];
  r.collagen3_maturation = perDayFromHalfLifeDays(p["healing.collagen3_maturation_half_life_d"]);
  r.collagen_turnover =
      perDayFromHalfLifeDays(p["healing.collagen_half_life_years"] * kDaysPerYear);
  r.collagen_capacity = p["healing.collagen_capacity"];
  r.collagen_crosslinking = perDayFromHalfLifeDays(p["healing.collagen_crosslink_half_life_d"]);
  r.elastin_synthesis = p["healing.elastin_synthesis_per_day"];
  r.elastin_turnover = perDayFromHalfLifeDays(p["healing.elastin_half_life_years"] * kDaysPerYear);
  r.elastin_capacity = p["healing.elastin_capacity"];
  r.keratinocyte_signal_release = p["healing.keratinocyte_signal_release_per_day"];
  r.keratinocyte_signal_decay =
      perDayFromHalfLifeHours(p["healing.keratinocyte_signal_half_life_h"]);
  r.keratinocyte_signal_diffusivity =
      p["healing.keratinocyte_signal_diffusivity_um2_s"] * 1e-6 * 86400.0;
  r.epidermis_growth = p["healing.epidermis_growth_per_day"];
  r.epidermis_max_gain = p["healing.epidermis_max_gain"];
  r.epidermis_relax = perDayFromHalfLifeDays(p["healing.epidermis_relax_half_life_d"]);
  r.surface_blood_clearance = perDayFromHalfLifeHours(p["healing.surface_blood_half_life_h"]);
  r.scar_collagen3_excess = p["healing.scar_collagen3_excess"];
  r.scar_collagen3_max_share = p["healing.scar_collagen3_max_share"];
  r.scar_elastin_loss = p["healing.scar_elastin_loss"];
  return r;
}

HealingModel::HealingModel(BaselineSkin baseline, const ModelParameters& parameters,
                           double stepScale)
    : base_(std::move(baseline)),
      rates_(HealingRates::from(parameters)),
      tracks_(TrackGeometry::from(parameters)),
      // Decay is taken implicitly in react() (see step()), so these only spread.
      mediatorCells_(base_.grid, rates_.mediator_coarsening),
      mediatorSpread_(mediatorCells_.coarse(), rates_.mediator_diffusivity),
      faintMediatorSpread_(mediatorCells_.coarse(), rates_.mediator_diffusivity, 0.0),
      paracrineCells_(base_.grid, rates_.paracrine_coarsening),
      signalSpread_(base_.grid, rates_.signal_diffusivity, 0.0),
      paracrineSpread_(paracrineCells_.coarse(), rates_.paracrine_diffusivity, 0.0),
      fibroblastSpread_(base_.grid, rates_.fibroblast_motility, 0.0),
      keratinocyteSignalSpread_(base_.grid.onePlane(), rates_.keratinocyte_signal_diffusivity, 0.0),
      channels_(base_.grid, ChannelClosure::from(parameters), tracks_),
      tethers_(base_, ScarTethers::Parameters::from(parameters)),
      flare_(base_.grid, FlareParameters::from(parameters), innervatedShare(base_)) {
  rates_.mediator_substep_life *= stepScale;
  rates_.fibroblast_spread_wait *= stepScale;
  rates_.slow_step_min *= stepScale;
  const Grid& g = base_.grid;
  const DepthProfile& prof = base_.profile;
  for (Field* f : {&st_.injury, &st_.lumen, &st_.signal, &st_.fibroblasts, &st_.remodelling,
                   &st_.refilling, &st_.refilled})
    *f = g.zeros3();
  for (Field* f : {&st_.mediators, &st_.vasodilation, &st_.inflammation})
    *f = mediatorCells_.coarse().zeros3();
  // On their own coarser grid the growth factors leave st_.paracrine empty: react() prolongs
  // them a plane at a time where it reads them.
  if (!paracrineCoarse()) st_.paracrine = g.zeros3();
  st_.surface_blood_um = g.zeros2();
  st_.keratinocyte_signal = g.zeros2();
  st_.epidermis_gain = g.zeros2();
  st_.flare = g.zeros2();
  st_.tether = base_.tether;
  if (mediatorsCoarse()) {
    coarseLumen_ = mediatorCells_.coarse().zeros3();
    coarseInjury_ = mediatorCells_.coarse().zeros3();
  }
  if (paracrineCoarse()) coarseParacrine_ = paracrineCells_.coarse().zeros3();
  lined_ = base_.lining.size() > 0 && base_.lining.maxCoeff() > 0;

  // The untreated matrix: normal density by depth, less what atrophy has taken; the state starts
  // from it. Every voxel is written, plane by plane in parallel (each thread faults in its own
  // pages).
  const auto voxels = static_cast<Eigen::Index>(g.voxels());
  for (Field* f : {&c1Base_, &c3Base_, &elastinBase_, &st_.collagen1, &st_.collagen3, &st_.elastin})
    f->resize(voxels);
  const std::size_t columns = g.columns();
  disorderedPlane_.assign(static_cast<std::size_t>(g.nz), 0);
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    const MatrixMakeup makeup = matrixMakeup(k);
    for (std::size_t c = 0; c < columns; ++c) {
      const Eigen::Index v = at(ku * columns + c);
      const float disorder = base_.disorder[v];
      if (disorder != 0.0F) disorderedPlane_[ku] = 1;
      const UntreatedMatrix m = untreatedMatrix(makeup, base_.deficit[v], disorder);
      c1Base_[v] = st_.collagen1[v] = m.collagen1;
      c3Base_[v] = st_.collagen3[v] = m.collagen3;
      elastinBase_[v] = st_.elastin[v] = m.elastin;
    }
  }

  repairRate_.resize(static_cast<std::size_t>(g.nz));
  for (int k = 0; k < g.nz; ++k) {
    const double e = prof.epidermis[static_cast<std::size_t>(k)];
    repairRate_[static_cast<std::size_t>(k)] = static_cast<float>(
        e * rates_.injury_repair_epidermis + (1 - e) * rates_.injury_repair_dermis);
    const double z = g.depthMm(k);
    if (e < 0.5 && z < base_.layers.epidermis_mm + base_.layers.papillary_mm)
      papillaryCells_.push_back(k);
  }
  if (papillaryCells_.empty()) papillaryCells_.push_back(std::min(g.nz - 1, 1));
  for (int k = 0; k < g.nz; ++k)
    if (prof.collagen[static_cast<std::size_t>(k)] > 0) dermisCells_.push_back(k);
  totals_.resize(static_cast<std::size_t>(g.nz));
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k) totalPlane(k);
}

void HealingModel::totalPlane(int k) {
  const auto columns = static_cast<std::ptrdiff_t>(base_.grid.columns());
  PlaneSums sums;
  sums.add(planeFields(k), columns);
  totals_[static_cast<std::size_t>(k)] = sums.totals();
}

void HealingModel::PlaneSums::add(const PlaneFields& f, std::ptrdiff_t n) {
  OrderedSum* const sums[kSummedFields] = {&collagen1, &collagen3, &elastin, &fibroblasts};
  const float* const fields[kSummedFields] = {f.collagen1, f.collagen3, f.elastin, f.fibroblasts};
  addToSums(sums, fields, n);
}

PlaneTotals HealingModel::PlaneSums::totals() const {
  // The infiltrate's total comes from its own grid (infiltrateFor()).
  return {collagen1.total(), collagen3.total(), elastin.total(), fibroblasts.total(), 0.0};
}

SessionInjury HealingModel::applySession(const std::vector<Puncture>& punctures,
                                         std::uint64_t seed) {
  const Grid& g = base_.grid;
  const std::size_t columns = g.columns();
  const auto plane = [columns](Field& f, int k) {
    return f.data() + static_cast<std::size_t>(k) * columns;
  };
  catchUpSlow();
  // The injury before the needles, to tell what they add (copied plane by plane in parallel).
  Field before(static_cast<Eigen::Index>(g.voxels()));
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k) std::copy_n(plane(st_.injury, k), columns, plane(before, k));
  // Needles bleed from the vessels of the fat they reach as well as from the skin's.
  std::vector<float> vessels = base_.profile.vessels;
  for (std::size_t k = 0; k < vessels.size(); ++k) vessels[k] += base_.profile.subcutis_vessels[k];
  const TrackStamp stamp = stampTracks(g, vessels, punctures, tracks_, st_);
  tethers_.cut(punctures, st_.tether);
  flare_.stimulate(before, st_.injury, st_.flare);
  // Freshly torn tissue releases its mediators at once (histamine, bradykinin ...), onto their
  // grid: smeared over its cells at once (docs/MODEL.md section 3). The injury goes onto it too
  // while each plane is at hand (react() repairs that copy from then on).
  const auto burstShare = static_cast<float>(rates_.mediator_burst);
  const std::size_t coarseColumns = mediatorCells_.coarse().columns();
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz; ++k) {
    thread_local std::vector<float> burst, restricted;
    burst.resize(columns);
    restricted.resize(coarseColumns);
    const float* now = plane(st_.injury, k);
    const float* was = plane(before, k);
    for (std::size_t c = 0; c < columns; ++c) burst[c] = burstShare * (now[c] - was[c]);
    mediatorCells_.restrictPlane(burst.data(), restricted.data());
    const PlaneFields coarse = mediatorPlane(k);
    for (std::size_t c = 0; c < coarseColumns; ++c) coarse.mediators[c] += restricted[c];
    if (mediatorsCoarse()) mediatorCells_.restrictPlane(now, coarse.injury);
  }
  if (!punctures.empty()) {
    maxMediators_ = std::numeric_limits<float>::max();  // sub-steps until measured
  }
  channels_.open(punctures, day_, seed, sessions_++);
  coarseLumenCurrent_ = false;
  channelsOpen_ = channels_.lastClosureDay() > day_;

  SessionInjury out;
  out.blood_released_mm3 = stamp.blood_released_mm3;
  constexpr double kOneHourDays = 1.0 / 24.0;
  out.open_surface_fraction = channels_.openSurfaceFraction(day_ + kOneHourDays);
  // A column's papillary dermis counts as injured when most of it is.
  std::size_t injured = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    float hurt = 0;
    for (int k : papillaryCells_) hurt += st_.injury[at(static_cast<std::size_t>(k) * columns + c)];
    if (hurt > 0.5F * static_cast<float>(papillaryCells_.size())) ++injured;
  }
  out.injured_area_fraction = static_cast<double>(injured) / static_cast<double>(columns);
  return out;
}

void HealingModel::lumenNow(Field& lumen) { channels_.meanLumen(day_, day_, lumen); }

void HealingModel::addGrowthFactors(const Field& lumen, double load) {
  const Field added = static_cast<float>(load) * lumen;
  if (paracrineCoarse()) {
    paracrineCells_.addRestricted(added, coarseParacrine_);
    maxParacrine_ = coarseParacrine_.maxCoeff();
  } else {
    st_.paracrine += added;
    maxParacrine_ = st_.paracrine.maxCoeff();
  }
}

void HealingModel::step(double dt) {
  if (channelsOpen_) {
    openLumen(dt);
    coarseLumenCurrent_ = false;
  }
  // Mediators first: their release reads the injury at the step's start (it repairs with the
  // cells, and stepMediators() counts the time they have waited).
  const bool mediatorsStepped = maxMediators_ > 0;
  if (mediatorsStepped) {
    stepMediators(dt);
    // Left by a session's repairing injury long after its redness, mediators this faint act on
    // nothing measurable (numerics.mediator_drop), yet each step would run the vessels' and the
    // infiltrate's kernel for them until the next session (docs/MODEL.md section 4).
    if (!channelsOpen_ && static_cast<double>(maxMediators_) < rates_.mediator_drop)
      dropMediators();
  }
  // The cells and the matrix change over days: while the mediators take the short steps after
  // a session, they gather those steps until numerics.slow_step_min_days has passed.
  if (mediatorsStepped) {
    slowUnstepped_ += dt;
    if (slowUnstepped_ >= rates_.slow_step_min) catchUpSlow();
  } else {
    catchUpSlow();
    stepSlow(dt, false);
  }
  flare_.step(dt, st_.flare);
  day_ += dt;
}

void HealingModel::catchUpSlow() {
  // The time gathered was all stepped by the mediators, which moved the infiltrate over it.
  if (slowUnstepped_ > 0) stepSlow(slowUnstepped_, true);
  slowUnstepped_ = 0;
}

void HealingModel::stepSlow(double dt, bool inflammationDone) {
  // The infiltrate above each harm threshold, papillary and dermal.
  const auto excess = [this] {
    return std::pair{std::max(0.0, papillaryInflammation() - rates_.pih_threshold),
                     std::max(0.0, dermisInflammation() - rates_.fibrosis_threshold)};
  };
  const auto [papillaryBefore, dermisBefore] = excess();
  react(dt, inflammationDone);
  // The doses by the trapezoid rule over the step: second order, so they hold still as the
  // steps shrink (the step's end alone under-counted a rising infiltrate by a fifth).
  const auto [papillaryAfter, dermisAfter] = excess();
  dose_.papillary_days += 0.5 * dt * (papillaryBefore + papillaryAfter);
  dose_.dermis_days += 0.5 * dt * (dermisBefore + dermisAfter);
  growEpidermis(dt);
  // The signal decays within minutes, far faster than any step: one implicit Euler step of its
  // whole operator, (1 + k dt - dt D lap) u = u_old + dt s, is the update (u_old + dt s) /
  // (1 + k dt) in react() followed by pure diffusion over dt / (1 + k dt), reaching the
  // quasi-steady screening length sqrt(D / k) at any step. A field that is zero everywhere
  // stays zero.
  if (maxSignal_ > kSpreadless)
    signalSpread_.step(st_.signal, dt / (1.0 + rates_.signal_decay * dt));
  // Growth factors live for days, longer than any step: decay in react(), spread here.
  if (maxParacrine_ > kSpreadless)
    paracrineSpread_.step(paracrineCoarse() ? coarseParacrine_ : st_.paracrine, dt);
  // The fibroblasts crawl about a tenth of a millimetre a day: over the short steps after a
  // session they move a sliver of a cell, and their spread waits until it has gathered
  // numerics.fibroblast_spread_wait_days, then takes the time it waited in one go.
  if (maxFibroblasts_ > kSpreadless) {
    fibroblastsUnspread_ += dt;
    if (fibroblastsUnspread_ >= rates_.fibroblast_spread_wait) {
      fibroblastSpread_.step(st_.fibroblasts, fibroblastsUnspread_);
      fibroblastsUnspread_ = 0;
    }
  } else {
    fibroblastsUnspread_ = 0;  // none to spread: nothing waits
  }
}

namespace {

double meanInflammation(const std::vector<PlaneTotals>& totals, const std::vector<int>& cells,
                        std::size_t columns) {
  if (cells.empty()) return 0.0;
  double sum = 0;
  for (int k : cells) sum += totals[static_cast<std::size_t>(k)].inflammation;
  return sum / (static_cast<double>(cells.size()) * static_cast<double>(columns));
}

}  // namespace

double HealingModel::papillaryInflammation() const {
  return meanInflammation(totals_, papillaryCells_, base_.grid.columns());
}

double HealingModel::dermisInflammation() const {
  return meanInflammation(totals_, dermisCells_, base_.grid.columns());
}

void HealingModel::openLumen(double dt) {
  // Once the last channel has closed, the lumen is cleared one last time and left alone.
  channelsOpen_ =
      channels_.meanLumen(day_, day_ + dt, st_.lumen) || channels_.lastClosureDay() > day_ + dt;
}

PlaneFields HealingModel::planeFields(int k) {
  const std::size_t o = static_cast<std::size_t>(k) * base_.grid.columns();
  return {st_.injury.data() + o,
          st_.lumen.data() + o,
          nullptr,
          nullptr,
          nullptr,
          st_.signal.data() + o,
          paracrineCoarse() ? nullptr : st_.paracrine.data() + o,
          st_.fibroblasts.data() + o,
          st_.remodelling.data() + o,
          base_.deficit.data() + o,
          lined_ ? base_.lining.data() : nullptr,
          st_.collagen1.data() + o,
          st_.collagen3.data() + o,
          st_.refilling.data() + o,
          st_.refilled.data() + o,
          st_.elastin.data() + o,
          disorderedPlane_[static_cast<std::size_t>(k)] ? base_.disorder.data() + o : nullptr,
          nullptr,
          nullptr};
}

PlaneFields HealingModel::mediatorPlane(int k) {
  const std::size_t o = static_cast<std::size_t>(k) * mediatorCells_.coarse().columns();
  PlaneFields f{};
  // Their sources: restricted to their grid, or the tissue's own.
  f.injury = (mediatorsCoarse() ? coarseInjury_ : st_.injury).data() + o;
  f.lumen = (mediatorsCoarse() ? coarseLumen_ : st_.lumen).data() + o;
  f.mediators = st_.mediators.data() + o;
  f.vasodilation = st_.vasodilation.data() + o;
  f.inflammation = st_.inflammation.data() + o;
  return f;
}

Field HealingModel::onTissueGrid(const Field& mediatorGridField) const {
  if (!mediatorsCoarse()) return mediatorGridField;
  Field fine;
  mediatorCells_.prolongField(mediatorGridField, fine);
  return fine;
}

void HealingModel::stepMediators(double dt) {
  // Mediators decay within hours (k ~ 5.5/day) while the redness they cause is read over days,
  // and how far they spread before decaying sets how red the skin looks. While they matter the
  // step is cut into sub-steps of at most numerics.mediator_substep_life lifetimes. Each
  // sub-step finds the change their release and decay alone would make, integrating
  // dM/dt = -k M + release exactly (open lumen at its mean over the step, injury repairing
  // exponentially from the step's start), and DouglasSpread adds their spread over the time
  // they live within the sub-step, tau = (1 - e^(-k h)) / k, in a form that reaches the
  // screened steady state (k - D lap) M = release rate exactly at any sub-step. Spreading
  // after the reactions with the split solves alone, a redness outlasted the converged one by
  // 2 % at an eighth of a lifetime per sub-step and 9 % at half (docs/MODEL.md section 3).
  const HealingRates& r = rates_;
  const Grid& g = mediatorCells_.coarse();
  const auto n = static_cast<std::ptrdiff_t>(g.columns());
  const double k = r.mediator_decay;
  const bool visible = static_cast<double>(maxMediators_) > r.mediator_visible;
  const int substeps =
      visible ? std::clamp(static_cast<int>(std::ceil(k * dt / r.mediator_substep_life)), 1,
                           kMaxMediatorSubsteps)
              : 1;
  const double h = dt / substeps;
  const double keep = std::exp(-k * h), life = -std::expm1(-k * h) / k;
  const auto f = [](double x) { return static_cast<float>(x); };
  MediatorRates mr{};
  mr.lost = f(-std::expm1(-k * h));
  mr.open_release = f(r.mediator_release_open * life);
  mr.vaso_keep = f(std::exp(-r.vasodilation_rate * h));
  mr.vaso_lag = f(-std::expm1(-r.vasodilation_rate * h) / (r.vasodilation_rate * h));
  mr.h = f(h);
  mr.half_keep = f(std::exp(-0.5 * k * h));
  mr.recruitment = f(r.inflammation_recruitment);
  mr.resolution = f(r.inflammation_resolution);
  // Release from injury repairing at rate q since the step began, decaying at k: the integral
  // of e^(-q (t0 + u)) e^(-k (h - u)) over the sub-step starting at t0 = s h. The injury
  // fields repair when the cells step (react()), which may have waited over earlier short
  // steps (numerics.slow_step_min_days): they are slowUnstepped_ days older than the step.
  const auto injuryRelease = [&](int z, int s) {
    const double q = repairRate_[static_cast<std::size_t>(z)];
    const double released =
        std::abs(k - q) > 1e-9 * k ? (std::exp(-q * h) - keep) / (k - q) : h * keep;
    return f(r.mediator_release_injury * std::exp(-q * (s * h + slowUnstepped_)) * released);
  };
  // The largest mediator of each plane, gathered in plane order: the same for any thread count.
  std::vector<float> largest(static_cast<std::size_t>(g.nz));
  // Everything here is on the mediators' grid: on a coarser one their sources (the lumen and
  // the injury, both fixed through the step but for the injury's repair, which injuryRelease()
  // integrates) are restricted to it (the lumen when it changes; the injury at a session, and
  // react() repairs it there as on the tissue grid). The release, the spread and the vessels'
  // and the infiltrate's response all run there. `change` is a plane of that grid.
  if (mediatorsCoarse() && !coarseLumenCurrent_) {
    mediatorCells_.restrictField(st_.lumen, coarseLumen_);
    coarseLumenCurrent_ = true;
  }
  const auto release = [&](int z, int s, float* change) {
    PlaneFields fields = mediatorPlane(z);
    MediatorRates here = mr;
    here.injury_release = injuryRelease(z, s);
    fields.mediator_change = change;
    releaseMediators(fields, here, n);
  };
  const auto apply = [&](int z, float* change) {
    PlaneFields fields = mediatorPlane(z);
    fields.mediator_change = change;
    largest[static_cast<std::size_t>(z)] = reactMediators(fields, mr, n);
  };
  float most = maxMediators_;
  for (int s = 0; s < substeps; ++s) {
    if (visible && most > kSpreadless) {
      mediatorSpread_.step(
          st_.mediators, life, [&](int z, float* change) { release(z, s, change); }, apply);
    } else {
      // Too faint to redden anything: the reactions alone over the whole step, spread by the
      // split solves over the time the mediators live within it, then applied as one change.
      // Douglas's form would keep the screened steady state exact, which no longer shows, and
      // over a step of many lifetimes (up to 22 in a 4-day step) its factor for modes varying
      // along two or three directions nears 1: a faint residue lingered for weeks after its
      // sources were gone, decaying ~5 % a day instead of e^(-k), and kept the mediators
      // stepped through the whole series. Here every mode decays at least as fast as e^(-k h),
      // and the split solves keep the field non-negative.
      stepFaintMediators(
          life, [&](int z, float* change) { release(z, s, change); }, apply, largest);
    }
    most = *std::max_element(largest.begin(), largest.end());
  }
  maxMediators_ = most;
}

void HealingModel::dropMediators() {
  st_.mediators.setZero();
  // The vessels followed them to within the same share of their full effect.
  st_.vasodilation.setZero();
  maxMediators_ = 0;
}

void HealingModel::stepFaintMediators(double life, const PlaneUpdate& release,
                                      const PlaneUpdate& apply, std::vector<float>& largest) {
  const Grid& g = mediatorCells_.coarse();
  if (static_cast<std::size_t>(faintMediators_.size()) != g.voxels()) faintMediators_ = g.zeros3();
  const std::size_t columns = g.columns();
  const auto faintPlane = [&](int z) {
    return faintMediators_.data() + static_cast<std::size_t>(z) * columns;
  };
#pragma omp parallel for schedule(static)
  for (int z = 0; z < g.nz; ++z) {
    float* out = faintPlane(z);
    const float* m = mediatorPlane(z).mediators;
    release(z, out);
    float top = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      out[c] = std::max(0.0F, m[c] + out[c]);
      top = std::max(top, out[c]);
    }
    largest[static_cast<std::size_t>(z)] = top;
  }
  // Too little to matter at all: its spread no longer matters either.
  if (*std::max_element(largest.begin(), largest.end()) > kSpreadless)
    faintMediatorSpread_.step(faintMediators_, life);
#pragma omp parallel for schedule(static)
  for (int z = 0; z < g.nz; ++z) {
    float* change = faintPlane(z);
    const float* m = mediatorPlane(z).mediators;
    for (std::size_t c = 0; c < columns; ++c) change[c] -= m[c];
    apply(z, change);
  }
}

void HealingModel::react(double dt, bool inflammationDone) {
  const Grid& g = base_.grid;
  const HealingRates& r = rates_;
  const DepthProfile& prof = base_.profile;
  const std::size_t columns = g.columns();
  const auto n = static_cast<std::ptrdiff_t>(columns);
  const auto f = [](double x) { return static_cast<float>(x); };

  PlaneRates common{};
  common.dt = f(dt);
  common.signal_release = f(r.signal_release);
  common.autocrine = f(r.signal_autocrine * dt);
  common.signal_keep = f(1.0 / (1.0 + r.signal_decay * dt));
  common.tolerance = f(r.inflammation_tolerance);
  common.breakdown = f(r.matrix_breakdown);
  // On their own grid the growth factors decay and are released before the kernel reads their
  // prolonged copy (growCoarseParacrine()), which it takes as it is.
  const float paracrineKeep = f(std::exp(-r.paracrine_decay * dt));
  common.paracrine_keep = paracrineCoarse() ? 1.0F : paracrineKeep;
  common.paracrine_potency = f(r.paracrine_potency);
  common.activation = f(r.fibroblast_activation);
  common.growth = f(r.fibroblast_growth);
  common.inv_capacity = f(1.0 / r.fibroblast_capacity);
  common.clearance = f(dt * r.fibroblast_clearance);
  common.remodel_gain = f(dt * r.remodelling_gain);
  common.remodel_keep = f(1.0 / (1.0 + r.remodelling_decay * dt));
  common.synthesis = f(r.collagen_synthesis);
  common.refill = f(r.collagen_refill);
  common.share3 = f(r.collagen3_share);
  common.mature_keep = f(std::exp(-r.collagen3_maturation * dt));
  common.collagen_keep = f(std::exp(-r.collagen_turnover * dt));
  common.crosslink_keep = f(std::exp(-r.collagen_crosslinking * dt));
  // Refilled at an even pace through the step: (1 - e^(-x)) / x of it is still waiting.
  const double crosslinks = r.collagen_crosslinking * dt;
  common.crosslink_new_keep =
      f(crosslinks > 1e-9 ? -std::expm1(-crosslinks) / crosslinks : 1.0 - 0.5 * crosslinks);
  common.elastin_rate = f(dt * r.elastin_synthesis);
  common.elastin_keep = f(std::exp(-r.elastin_turnover * dt));

  float maxSignal = 0, maxParacrine = 0, maxFibroblasts = 0;
  // Planes dealt out in turn: only the dermis's planes have matrix to lay, and contiguous halves
  // gave one thread most of them (it worked 1.6 x as long in the matrix kernel).
  // Kept on one line: clang-format would break the pragma with a backslash.
  // clang-format off
#pragma omp parallel for schedule(static, 1) reduction(max : maxSignal, maxParacrine, maxFibroblasts)
  // clang-format on
  for (int k = 0; k < g.nz; ++k) {
    const auto ku = static_cast<std::size_t>(k);
    PlaneRates pr = common;
    const InjuryOverStep injury = injuryOver(k, pr.dt);
    pr.injury_keep = injury.keep;
    pr.injury_exposure = injury.exposure;
    pr.resting = prof.fibroblasts[ku];
    pr.paracrine_release = paracrineCoarse() ? 0.0F : paracrineRelease(k);
    pr.makeup = matrixMakeup(k);
    const float normal = pr.makeup.collagen, normalElastin = pr.makeup.elastin;
    pr.inv_cap = normal > 0 ? 1.0F / (f(r.collagen_capacity) * normal) : 0.0F;
    pr.inv_elastin_cap = normalElastin > 0 ? 1.0F / (f(r.elastin_capacity) * normalElastin) : 0.0F;
    PlaneFields fields = planeFields(k);
    // Planes of scratch per thread, kept between steps.
    thread_local std::vector<float> fibroblastsMean, paracrine, infiltrate;
    fibroblastsMean.resize(columns);
    fields.fibroblasts_mean = fibroblastsMean.data();
    infiltrate.resize(columns);
    const Infiltrate inflamed = infiltrateFor(k, dt, inflammationDone, infiltrate.data());
    fields.inflammation = const_cast<float*>(inflamed.plane);  // read only, by the matrix
    if (paracrineCoarse()) {
      paracrine.resize(columns);
      growCoarseParacrine(k, paracrineKeep, paracrineRelease(k) * injury.exposure,
                          paracrine.data());
      fields.paracrine = paracrine.data();
    }
    // A plane's twenty-odd fields outgrow the cache: in pieces, the matrix kernel and the sums
    // find what the cells' kernel left in it. The sums are the whole plane's, bit for bit.
    PlaneSums sums;
    for (std::ptrdiff_t c = 0; c < n; c += kPieceColumns) {
      const std::ptrdiff_t length = std::min(kPieceColumns, n - c);
      const PlaneFields piece = columnsFrom(fields, c);
      const PlaneMaxima m = reactCells(piece, pr, length);
      maxSignal = std::max(maxSignal, m.signal);
      maxParacrine = std::max(maxParacrine, m.paracrine);
      maxFibroblasts = std::max(maxFibroblasts, m.fibroblasts);
      if (normal > 0) reactMatrix(piece, pr, length);  // the epidermis has no dermal matrix
      sums.add(piece, length);
    }
    totals_[ku] = sums.totals();
    totals_[ku].inflammation = inflamed.total;
    // The restricted injury repairs as the injury did: by the plane's share kept.
    if (mediatorsCoarse()) {
      const std::size_t coarse = mediatorCells_.coarse().columns();
      float* hurt = coarseInjury_.data() + ku * coarse;
      for (std::size_t c = 0; c < coarse; ++c) {
        const float left = hurt[c] * injury.keep;
        hurt[c] = left < kNegligible ? 0.0F : left;
      }
    }
  }
  st_.surface_blood_um *= f(std::exp(-r.surface_blood_clearance * dt));
  st_.surface_blood_um = (st_.surface_blood_um < kNegligible).select(0.0F, st_.surface_blood_um);
  maxSignal_ = maxSignal;
  maxParacrine_ = maxParacrine;
  maxFibroblasts_ = maxFibroblasts;
}

HealingModel::Infiltrate HealingModel::infiltrateFor(int k, double dt, bool inflammationDone,
                                                     float* fine) {
  const std::size_t columns = mediatorCells_.coarse().columns();
  float* plane = st_.inflammation.data() + static_cast<std::size_t>(k) * columns;
  const auto n = static_cast<std::ptrdiff_t>(columns);
  OrderedSum sum;
  const float most = infiltrateOfPlane(plane, !inflammationDone,
                                       static_cast<float>(rates_.inflammation_resolution),
                                       static_cast<float>(dt), n, sum);
  const double cells = static_cast<double>(mediatorCells_.factor() * mediatorCells_.factor());
  Infiltrate out{nullptr, cells * sum.total()};
  // Nowhere above the tolerance, it harms no matrix: the kernel reads zeros (a plane per
  // thread, never written) and the prolongation is spared.
  if (most <= static_cast<float>(rates_.inflammation_tolerance)) {
    thread_local std::vector<float> none;
    none.resize(base_.grid.columns());
    out.plane = none.data();
  } else if (mediatorsCoarse()) {
    mediatorCells_.prolongPlane(plane, fine);
    out.plane = fine;
  } else {
    out.plane = plane;
  }
  return out;
}

MatrixMakeup HealingModel::matrixMakeup(int k) const {
  const DepthProfile& prof = base_.profile;
  const auto ku = static_cast<std::size_t>(k);
  return {prof.collagen[ku],
          prof.collagen3_fraction[ku],
          prof.elastin[ku],
          static_cast<float>(rates_.scar_collagen3_excess),
          static_cast<float>(rates_.scar_collagen3_max_share),
          static_cast<float>(rates_.scar_elastin_loss)};
}

HealingModel::InjuryOverStep HealingModel::injuryOver(int k, float dt) const {
  const float repair = repairRate_[static_cast<std::size_t>(k)];
  const float keep = std::exp(-repair * dt);
  // Injury present over the step, integrated exactly for its exponential repair.
  return {keep, repair > 0 ? (1.0F - keep) / repair : dt};
}

float HealingModel::paracrineRelease(int k) const {
  // Matrix-bound growth factors come out of the matrix: fat has none to release.
  return static_cast<float>(rates_.paracrine_release) *
         (1.0F - base_.profile.subcutis[static_cast<std::size_t>(k)]);
}

void HealingModel::growCoarseParacrine(int k, float keep, float release, float* fine) {
  // As reactCells() does on the tissue grid: P <- P e^(-k dt) + release x exposure, with the
  // injury's exposure over the step integrated for its exponential repair from the step's
  // start. Linear in the injury, so the restricted injury gives the restricted release. Called
  // in react()'s plane loop before the cells' kernel, while the injury is still the step's
  // start.
  const Grid& g = base_.grid;
  const auto ku = static_cast<std::size_t>(k);
  const std::size_t columns = g.columns(), coarse = paracrineCells_.coarse().columns();
  // The mediators' restriction of the injury, when they have one on the same grid.
  const bool restricted = mediatorsCoarse() && mediatorCells_.factor() == paracrineCells_.factor();
  thread_local std::vector<float> scratch;
  const float* injury = restricted ? coarseInjury_.data() + ku * coarse : nullptr;
  if (!restricted) {
    scratch.resize(coarse);
    paracrineCells_.restrictPlane(st_.injury.data() + ku * columns, scratch.data());
    injury = scratch.data();
  }
  float* p = coarseParacrine_.data() + ku * coarse;
  for (std::size_t c = 0; c < coarse; ++c) {
    const float now = p[c] * keep + release * injury[c];
    p[c] = now < kNegligible ? 0.0F : now;
  }
  paracrineCells_.prolongPlane(p, fine);
}

Field HealingModel::growthFactors() const {
  if (!paracrineCoarse()) return st_.paracrine;
  Field fine;
  paracrineCells_.prolongField(coarseParacrine_, fine);
  return fine;
}

void HealingModel::growEpidermis(double dt) {
  // Keratinocytes thicken the epidermis under growth factors that activated papillary
  // fibroblasts make for them (KGF/FGF7: the double paracrine loop), not under the fibroblasts'
  // own activity: the factors spread along the basal layer, so the epidermis between sparse
  // punctures thickens too. They live for hours, far shorter than a step: as for the growth
  // signal, one implicit step of release and decay, (u + dt s) / (1 + k dt), then spreading
  // over dt / (1 + k dt). The epidermis grows at a rate saturating with the factors, toward a
  // ceiling, and relaxes back over a year.
  const Grid& g = base_.grid;
  const std::size_t columns = g.columns();
  const HealingRates& r = rates_;
  const auto fdt = static_cast<float>(dt);
  const auto release = static_cast<float>(r.keratinocyte_signal_release * dt) /
                       static_cast<float>(papillaryCells_.size());
  const auto keep = static_cast<float>(1.0 / (1.0 + r.keratinocyte_signal_decay * dt));
  Field& kgf = st_.keratinocyte_signal;
  float most = 0;
  // Columns are independent: in parallel, the same numbers on any thread count.
  const bool parallel = columns >= kParallelColumns;
#pragma omp parallel for schedule(static) reduction(max : most) if (parallel)
  for (std::size_t c = 0; c < columns; ++c) {
    float cells = 0;
    for (int k : papillaryCells_)
      cells += st_.fibroblasts[at(static_cast<std::size_t>(k) * columns + c)];
    const float u = (kgf[at(c)] + release * cells) * keep;
    kgf[at(c)] = u < kNegligible ? 0.0F : u;
    most = std::max(most, kgf[at(c)]);
  }
  if (most > kSpreadless)
    keratinocyteSignalSpread_.step(kgf, dt / (1.0 + r.keratinocyte_signal_decay * dt));
  const auto growth = static_cast<float>(r.epidermis_growth);
  const auto ceiling = static_cast<float>(r.epidermis_max_gain);
  const auto relax = 1.0F + fdt * static_cast<float>(r.epidermis_relax);
#pragma omp parallel for schedule(static) if (parallel)
  for (std::size_t c = 0; c < columns; ++c) {
    const float e = kgf[at(c)];
    const float gain = st_.epidermis_gain[at(c)];
    // Toward the ceiling at the rate growth x e/(1 + e), exactly over the step: a step of days
    // in the quiet weeks neither overshoots nor grows faster than short steps would.
    const float shortOf = std::max(0.0F, ceiling - gain);
    const float grown = ceiling - shortOf * std::exp(-fdt * growth * e / (1.0F + e));
    st_.epidermis_gain[at(c)] = std::max(gain, grown) / relax;
  }
}

}  // namespace dermasim
