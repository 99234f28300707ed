#include "guidance/Trainer.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/numerics/NumberText.hpp"
#include "core/scenario/ScenarioSchema.hpp"
#include "core/tissue/SkinAnatomy.hpp"
#include "guidance/Findings.hpp"
#include "guidance/HealingFindings.hpp"
#include "guidance/KnowledgeTable.hpp"

namespace dermasim {
namespace {

// The score rule (docs/GUIDANCE.md, "Trainer"): points a fault costs by its level.
constexpr int kFullScore = 100;
constexpr int kErrorCost = 50;
constexpr int kWarningCost = 25;

std::string mm(double v) { return fixedNumber(v, 2) + " mm"; }
std::string percent(double fraction) { return fixedNumber(100.0 * fraction, 0) + " %"; }
std::string days(double d) { return fixedNumber(d, 1) + " days"; }

bool hasCode(const std::vector<Advisory>& findings, std::string_view code) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Advisory& a) { return a.code == code; });
}

// The first finding with the first of `codes` found: the codes come gravest first.
const Advisory* firstOf(const std::vector<Advisory>& findings,
                        std::initializer_list<std::string_view> codes) {
  for (std::string_view code : codes)
    for (const Advisory& a : findings)
      if (a.code == code) return &a;
  return nullptr;
}

std::string answerText(const Scenario& plan) {
  const DeviceSettings& d = plan.device;
  const std::size_t n = plan.sessions.size();
  std::string text = std::string(toString(d.type)) + " " + mm(d.needle_length_mm) + ", " +
                     std::to_string(d.passes) + (d.passes == 1 ? " pass" : " passes") + ", " +
                     std::to_string(n) + (n == 1 ? " session" : " sessions");
  if (n > 1)
    text += " every " + fixedNumber(plan.sessions[1].day - plan.sessions[0].day, 0) + " days";
  return text;
}

// The skin at the site as the model builds it (age-thinned layers, overrides included).
Layers layersOf(const Scenario& plan, const RunResult& result) {
  return layersFor(plan.patient.site, plan.patient.age_years,
                   AnatomyParameters::from(result.parameters));
}

// The mean dermal infiltrate just before session `i` came, and the peak the session before it
// reached: how much of the earlier injury was still there.
struct CarriedInflammation {
  double at_session = 0;
  double previous_peak = 0;
};
CarriedInflammation carriedInto(const RunResult& result, std::size_t i) {
  CarriedInflammation c;
  const double from = result.sessions[i - 1].day, to = result.sessions[i].day;
  for (const SkinReading& r : result.timeseries) {
    if (r.day <= from || r.day >= to - 1e-9) continue;
    c.previous_peak = std::max(c.previous_peak, r.inflammation);
    c.at_session = r.inflammation;  // the last reading before the session
  }
  return c;
}

std::string collagenFigure(const Scenario& plan, const RunResult& result) {
  return "collagen " + signedNumber(100.0 * (result.outcome.collagen_rel - 1.0), 1) +
         " % and texture " + fixedNumber(result.outcome.improvement_pct, 0) + " % better by day " +
         readableNumber(plan.duration_days);
}

// The session that reached deepest in the simulation.
const SessionResult& deepestSession(const RunResult& result) {
  return *std::max_element(result.sessions.begin(), result.sessions.end(),
                           [](const SessionResult& a, const SessionResult& b) {
                             return a.needling.stats.mean_depth_mm < b.needling.stats.mean_depth_mm;
                           });
}

void addContraindications(const std::vector<Advisory>& findings, std::vector<FeedbackItem>& out) {
  for (const Advisory& a : findings) {
    if (a.code != "contraindication" || a.level != AdvisoryLevel::Error) continue;
    out.push_back({"contraindicated", false, AdvisoryLevel::Error,
                   "treated a patient who must not be needled now: " + a.message,
                   "do not treat: the knowledge table grades this condition an error, and the "
                   "simulation assumes healthy healing, so its figures do not show what would "
                   "go wrong",
                   "", a.source});
  }
}

void addDepth(const Scenario& plan, const RunResult& result, const std::vector<Advisory>& findings,
              std::vector<FeedbackItem>& out) {
  const KnowledgeTable& k = knowledgeTable();
  const DepthRange& chart = k.depthRange(plan.patient.site, plan.patient.indication);
  const Layers layers = layersOf(plan, result);
  const SessionResult& deepest = deepestSession(result);
  const std::string site = std::string(toString(plan.patient.site));
  const double needle = deepest.device.needle_length_mm;
  const double reach = deepest.needling.stats.mean_depth_mm;

  if (const Advisory* deep = firstOf(findings, {"depth_unsafe_for_site", "home_use_depth",
                                                "depth_exceeds_site", "track_below_dermis"})) {
    const bool grave =
        hasCode(findings, "depth_unsafe_for_site") || hasCode(findings, "home_use_depth");
    const bool home = deep->code == "home_use_depth";
    out.push_back(
        {"too_deep", false, grave ? AdvisoryLevel::Error : AdvisoryLevel::Warning,
         mm(needle) + " is too deep here: " + deep->message,
         home ? "a device used at home, without a practitioner, must stay shallow: deeper "
                "needles bleed, can carry infection in and need a practitioner's hygiene"
              : "past the chart's depth or the bottom of the dermis the needles cut into the "
                "larger vessels and the fat below: more bleeding, longer redness, more "
                "inflammation and a higher risk of marks and scarring; the charts stop short "
                "of that, whatever collagen the extra depth may add",
         "tracks " + mm(reach) + " deep on average (the " + site + "'s dermis ends at " +
             mm(layers.totalMm()) + "); " + percent(deepest.subcutis_puncture_fraction) +
             " of punctures reached the fat, the deepest " +
             mm(deepest.track_depth_below_dermis_mm) + " below the dermis; " +
             fixedNumber(deepest.blood_released_mm3, 3) + " mm3 of blood released; redness " +
             days(deepest.downtime_days) + " after the session on day " +
             readableNumber(deepest.day),
         deep->source});
    return;
  }
  // Shallow: below the chart's shortest needle, or tracks that end before the reticular
  // dermis, where the fibroblasts that lay down new collagen are reached and stirred.
  const SessionResult& shallowest =
      *std::min_element(result.sessions.begin(), result.sessions.end(),
                        [](const SessionResult& a, const SessionResult& b) {
                          return a.needling.stats.mean_depth_mm < b.needling.stats.mean_depth_mm;
                        });
  const double shortest = shallowest.device.needle_length_mm;
  const double shallowReach = shallowest.needling.stats.mean_depth_mm;
  const bool belowChart = shortest < chart.min_mm - 1e-9;
  const bool papillaryOnly = shallowReach < layers.papillaryBottomMm();
  const std::string tracks = "tracks " + mm(shallowReach) + " deep on average, the papillary " +
                             "dermis ends at " + mm(layers.papillaryBottomMm()) + " and the " +
                             "dermis at " + mm(layers.totalMm()) + " here; " +
                             collagenFigure(plan, result);
  // A home device is shallow by design (product uptake, the home limit): the professional
  // chart's shortest needle does not apply to it.
  if (plan.device.home_use) {
    const GuidanceThreshold& home = k.threshold("home_use_max_mm");
    out.push_back({"good_depth", true, AdvisoryLevel::Note,
                   mm(needle) + " keeps the home device within the home limit of " + mm(home.value),
                   "at home, without a practitioner, only the shallowest needles are safe", tracks,
                   home.provenance.cite()});
    return;
  }
  if (belowChart || papillaryOnly) {
    out.push_back(
        {"too_shallow", false, AdvisoryLevel::Warning,
         mm(shortest) + " is too shallow for " + std::string(toString(plan.patient.indication)) +
             " at the " + site +
             (belowChart ? ": the chart starts at " + mm(chart.min_mm)
                         : ": the needle tips stay in the epidermis and papillary dermis"),
         "the collagen that fills scars and lines is laid down where the needles "
         "wound the dermis; a needle that stops short of it gives little dermal "
         "response for the same redness and downtime",
         tracks, chart.provenance.cite()});
    return;
  }
  out.push_back({"good_depth", true, AdvisoryLevel::Note,
                 mm(needle) + " suits " + std::string(toString(plan.patient.indication)) +
                     " at the " + site + " (chart " + fixedNumber(chart.min_mm, 2) + "-" +
                     mm(chart.max_mm) + ")",
                 "deep enough to wound the dermis, where new collagen is made, and short of "
                 "the fat and the larger vessels below it",
                 tracks, chart.provenance.cite()});
}

void addInterval(const Scenario& plan, const RunResult& result,
                 const std::vector<Advisory>& findings, const std::vector<Advisory>& healing,
                 std::vector<FeedbackItem>& out) {
  if (result.sessions.size() < 2) return;
  const double interval = result.sessions[1].day - result.sessions[0].day;
  const Advisory* unhealed = firstOf(healing, {"interval_unhealed"});
  const Advisory* shortByTable = firstOf(findings, {"interval_short"});
  // Unhealed counts when what is carried into the next session is more than a trace: a home
  // roller's faint infiltrate may still be a share of its own small peak days later.
  const GuidanceThreshold& trace = knowledgeTable().threshold("trainer_carried_inflammation");
  bool carriesMore = false;
  for (std::size_t i = 1; i < result.sessions.size(); ++i)
    if (!simulatedHealingDays(result, i - 1) && carriedInto(result, i).at_session >= trace.value)
      carriesMore = true;
  if (!carriesMore) unhealed = nullptr;
  // The figure is read at the session that came on the least healed skin: the largest share of
  // the previous session's peak infiltrate still there.
  std::size_t worst = 1;
  double worstShare = -1;
  for (std::size_t i = 1; i < result.sessions.size(); ++i) {
    const CarriedInflammation c = carriedInto(result, i);
    const double share = c.previous_peak > 0 ? c.at_session / c.previous_peak : 0;
    if (share > worstShare) {
      worstShare = share;
      worst = i;
    }
  }
  const CarriedInflammation carried = carriedInto(result, worst);
  const std::optional<double> healedIn = simulatedHealingDays(result, worst - 1);
  const std::string figure =
      "inflammation " + fixedNumber(carried.at_session, 3) + " (0-1) when session " +
      std::to_string(worst + 1) + " came, " +
      percent(carried.previous_peak > 0 ? carried.at_session / carried.previous_peak : 0) +
      " of the peak after the one before; " +
      (healedIn ? "healed in " + days(*healedIn) : std::string("not healed by then")) +
      "; fibrosis risk " + fixedNumber(result.outcome.fibrosis_risk, 2) + " (index 0-1)";
  if (unhealed || shortByTable) {
    const Advisory& why = unhealed ? *unhealed : *shortByTable;
    std::string source = why.source;
    if (unhealed) source += "; " + trace.provenance.cite();
    if (unhealed && shortByTable) source += "; " + shortByTable->source;
    out.push_back(
        {"too_often", false, AdvisoryLevel::Warning,
         "sessions every " + fixedNumber(interval, 0) + " days are too close: " + why.message,
         "the skin needs to finish healing before it is needled again; a session on "
         "skin still inflamed adds inflammation to inflammation, which breaks down the "
         "new collagen and raises the risk of marks and fibrosis",
         figure, source});
    return;
  }
  const IntervalRule& rule =
      knowledgeTable().interval(plan.patient.indication, plan.device.needle_length_mm);
  out.push_back({"good_interval", true, AdvisoryLevel::Note,
                 "sessions every " + fixedNumber(interval, 0) +
                     " days let the skin heal between "
                     "them (usual: " +
                     rule.usual_interval + ")",
                 "each session lands on skin that has finished its inflammatory phase, so the "
                 "new collagen is kept",
                 figure, rule.provenance.cite()});
}

void addDensity(const RunResult& result, const std::vector<Advisory>& findings,
                std::vector<FeedbackItem>& out) {
  const GuidanceThreshold& limit = knowledgeTable().threshold("confluent_injury_fraction");
  const SessionResult& densest =
      *std::max_element(result.sessions.begin(), result.sessions.end(),
                        [](const SessionResult& a, const SessionResult& b) {
                          return a.open_surface_fraction < b.open_surface_fraction;
                        });
  const std::string figure = fixedNumber(densest.needling.stats.per_cm2, 0) + " punctures/cm2; " +
                             percent(densest.open_surface_fraction) +
                             " of the surface still open an hour after " + "(limit " +
                             percent(limit.value) + "), the papillary dermis injured under " +
                             percent(densest.injured_area_fraction) + " of the area";
  const Advisory* confluent = firstOf(findings, {"confluent_injury"});
  if (confluent || densest.open_surface_fraction > limit.value) {
    out.push_back({"too_dense", false, AdvisoryLevel::Warning,
                   std::to_string(densest.device.passes) + " passes make the injury confluent" +
                       (confluent ? ": " + confluent->message : std::string()),
                   "needling works because the skin heals from the intact skin left between "
                   "the channels; when the channels run together the wound behaves like an "
                   "abrasion: longer redness and more risk of marks",
                   figure, limit.provenance.cite()});
    return;
  }
  out.push_back({"good_density", true, AdvisoryLevel::Note,
                 std::to_string(densest.device.passes) +
                     (densest.device.passes == 1 ? " pass keeps" : " passes keep") +
                     " the injury fractional",
                 "intact skin between the channels heals them quickly from the sides", figure,
                 limit.provenance.cite()});
}

void addPigmentation(const Scenario& plan, const RunResult& result,
                     const std::vector<Advisory>& findings, std::vector<FeedbackItem>& out) {
  const KnowledgeTable& k = knowledgeTable();
  const PigmentationAdvice& skin = k.pigmentationFor(plan.patient.fitzpatrick);
  const GuidanceThreshold& high = k.threshold("trainer_pih_risk_high");
  const Advisory* pih = firstOf(findings, {"pih_risk"});
  const double risk = result.outcome.pih_risk;
  // The table's finding also counts dense sessions (pih_dense_punctures_per_cm2), which every
  // pen session at the default cartridge and glide is; the trainee's answer cannot change
  // those, so density is judged here by the simulated index, and depth by the table.
  const GuidanceThreshold& deep = k.threshold("pih_deep_needle_mm");
  const bool deepSession = std::any_of(
      plan.sessions.begin(), plan.sessions.end(),
      [&](const SessionPlan& s) { return s.device.needle_length_mm >= deep.value - 1e-9; });
  if (!deepSession) pih = nullptr;
  const std::string figure = "pigmentation risk " + fixedNumber(risk, 2) +
                             " (index 0-1; the trainer flags " + fixedNumber(high.value, 2) +
                             " or more) for Fitzpatrick type " +
                             std::to_string(plan.patient.fitzpatrick);
  if (pih || risk >= high.value) {
    out.push_back(
        {"pigmentation_risk", false, AdvisoryLevel::Warning,
         pih ? pih->message : "the plan leaves the skin inflamed long enough to risk dark marks",
         "darker skin answers inflammation with pigment: deep or dense needling, and "
         "inflammation that lasts, leave brown marks (post-inflammatory "
         "hyperpigmentation) that can take months to fade",
         figure, (pih ? pih->source + "; " : std::string()) + high.provenance.cite()});
    return;
  }
  if (skin.raised())
    out.push_back({"good_pigmentation", true, AdvisoryLevel::Note,
                   "a gentle enough plan for Fitzpatrick type " +
                       std::to_string(plan.patient.fitzpatrick) + ", whose skin marks easily",
                   "shallower, sparser needling and time to heal keep the inflammation that "
                   "triggers pigment low",
                   figure, skin.provenance.cite()});
}

std::string debriefFor(const std::vector<FeedbackItem>& items, int score, bool declined) {
  std::string faults, goods;
  for (const FeedbackItem& i : items) {
    std::string& list = i.good ? goods : faults;
    list += (list.empty() ? "" : ", ") + i.code;
  }
  std::string text = "Score " + std::to_string(score) + "/100. ";
  if (faults.empty())
    text += declined ? "Right not to treat. " : "A sound plan. ";
  else
    text += "To rethink: " + faults + ". ";
  const auto gravest =
      std::find_if(items.begin(), items.end(), [](const FeedbackItem& i) { return !i.good; });
  if (gravest != items.end()) text += "First: " + gravest->why + ". ";
  if (!goods.empty()) text += "Kept right: " + goods + ".";
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string outcomeLine(const Scenario& plan, const RunResult& result) {
  const Outcome& o = result.outcome;
  std::string redness;
  for (const SessionResult& s : result.sessions)
    redness += (redness.empty() ? "" : ", ") + fixedNumber(s.downtime_days, 1);
  return collagenFigure(plan, result) + "; redness after each session " + redness +
         " days; peak inflammation " + fixedNumber(o.peak_inflammation, 2) +
         " (0-1); pigmentation risk " + fixedNumber(o.pih_risk, 2) + ", fibrosis risk " +
         fixedNumber(o.fibrosis_risk, 2) + " (indices 0-1)";
}

// Faults before good choices, errors before warnings; the order within each kept.
void order(std::vector<FeedbackItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const FeedbackItem& a, const FeedbackItem& b) {
    if (a.good != b.good) return !a.good;
    return a.level > b.level;
  });
}

TrainerFeedback finish(std::vector<FeedbackItem> items, bool declined) {
  order(items);
  TrainerFeedback f;
  f.score = scoreFor(items);
  f.debrief = debriefFor(items, f.score, declined);
  f.items = std::move(items);
  return f;
}

}  // namespace

bool TrainerFeedback::has(std::string_view code) const { return find(code) != nullptr; }

const FeedbackItem* TrainerFeedback::find(std::string_view code) const {
  for (const FeedbackItem& i : items)
    if (i.code == code) return &i;
  return nullptr;
}

Scenario treatmentFor(const TrainingCase& trainingCase, const TrainingAnswer& answer) {
  Scenario plan = trainingCase.scenario;
  DeviceSettings device = withDeviceType(plan.device, answer.device);
  device.needle_length_mm = answer.needle_length_mm;
  device.passes = answer.passes;
  plan.device = device;
  plan.sessions.clear();
  for (int i = 0; i < answer.sessions; ++i)
    plan.sessions.push_back({i * answer.interval_days, device, ""});
  if (answer.serum) plan.adjuncts.serum = *answer.serum;
  if (answer.prp) plan.adjuncts.prp = *answer.prp;
  const double followUp = knowledgeTable().threshold("trainer_follow_up_days").value;
  plan.duration_days = (answer.sessions - 1) * answer.interval_days + followUp;
  plan.name = trainingCase.title + " - " + answerText(plan);
  plan.source = trainingCase.scenario.source + " + " + answer.source;
  plan.source_text.clear();  // no one file says this plan
  return plan;
}

TrainerFeedback assessTreatment(const Scenario& plan, const RunResult& result) {
  const std::vector<Advisory> findings = findingsFor(plan);
  const std::vector<Advisory> healing = healingFindings(plan, result);
  std::vector<FeedbackItem> items;
  addContraindications(findings, items);
  if (!result.sessions.empty()) {
    addDepth(plan, result, findings, items);
    addInterval(plan, result, findings, healing, items);
    addDensity(result, findings, items);
    addPigmentation(plan, result, findings, items);
  }
  TrainerFeedback feedback = finish(std::move(items), false);
  if (!result.sessions.empty()) feedback.outcome = outcomeLine(plan, result);
  return feedback;
}

TrainerFeedback assessDecline(const TrainingCase& trainingCase) {
  std::vector<FeedbackItem> items;
  for (const Advisory& a : findingsFor(trainingCase.scenario))
    if (a.code == "contraindication" && a.level == AdvisoryLevel::Error)
      items.push_back({"good_decline", true, AdvisoryLevel::Note,
                       "declined to treat: right, do not treat now: " + a.message,
                       "needling now could harm the patient in ways the simulation does not "
                       "show; treat once the condition allows",
                       "", a.source});
  if (items.empty())
    items.push_back({"declined_treatable", false, AdvisoryLevel::Error,
                     "declined a patient with nothing against needling",
                     "the patient has no contraindication in the knowledge table: a plan "
                     "within the site's chart, with time to heal between sessions, was the "
                     "answer",
                     "", ""});
  return finish(std::move(items), true);
}

int scoreFor(const std::vector<FeedbackItem>& items) {
  int score = kFullScore;
  for (const FeedbackItem& i : items) {
    if (i.good) continue;
    if (i.code == "contraindicated") return 0;
    score -= i.level == AdvisoryLevel::Error     ? kErrorCost
             : i.level == AdvisoryLevel::Warning ? kWarningCost
                                                 : 0;
  }
  return std::max(score, 0);
}

}  // namespace dermasim
