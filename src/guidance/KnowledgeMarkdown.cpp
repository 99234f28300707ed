#include "guidance/KnowledgeMarkdown.hpp"

#include "core/numerics/NumberText.hpp"

namespace dermasim {
namespace {

// A pipe inside a cell would split it into two columns.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string number(double v) { return roundedNumber(v, 2); }

std::string row(std::initializer_list<std::string> cells) {
  std::string line = "|";
  for (const std::string& c : cells) {
    line += ' ';
    line += cell(c);
    line += " |";
  }
  return line + "\n";
}

// The header row and the rule under it, as wide as the header.
std::string header(std::initializer_list<std::string> cells) {
  std::string rule = "|";
  for (std::size_t i = 0; i < cells.size(); ++i) rule += "---|";
  return row(cells) + rule + "\n";
}

std::string indicationText(const std::optional<Indication>& indication) {
  return indication ? std::string(toString(*indication)) : "any";
}

std::string rowSource(const Provenance& p) {
  return p.source + " (" + p.file + ":" + std::to_string(p.line) + ")";
}

}  // namespace

std::string knowledgeMarkdown(const KnowledgeTable& k) {
  std::string md =
      "# Clinical guidance\n\nThe knowledge table `dermasim check` judges a plan by, compiled "
      "in from `assets/guidance/*.csv` (docs/GUIDANCE.md). Grades: A systematic review, "
      "meta-analysis or controlled trials; B clinical studies or reviews of them; C makers' "
      "charts, case series, consensus pages; expert: expert opinion or practice. A simulation "
      "aid, not medical advice.\n";

  md +=
      "\n## Depth by site and indication (professional)\n\nNeedle length in mm. The row for "
      "the plan's indication applies, else the site's `any` row. Beyond the range is a "
      "warning; beyond it with tracks that pass through the site's whole skin (the model's "
      "anatomy) an error.\n\n";
  md += header({"site", "indication", "range (mm)", "grade", "source"});
  for (const DepthRange& r : k.depth_ranges)
    md += row({std::string(toString(r.site)), indicationText(r.indication),
               number(r.min_mm) + " - " + number(r.max_mm), r.provenance.grade,
               rowSource(r.provenance)});

  const GuidanceThreshold& home = k.threshold("home_use_max_mm");
  md += "\n## Home use\n\nDevices used at home, without a practitioner: at most " +
        number(home.value) + " mm (deeper is an " + std::string(toString(home.level)) +
        "). Grade " + home.provenance.grade + "; " + rowSource(home.provenance) + ".\n";

  md +=
      "\n## Intervals between sessions, by needle depth\n\nThe deeper of two neighbouring "
      "sessions decides; closer than the minimum is a warning.\n\n";
  md += header({"indication", "needle (mm)", "at least (days)", "usual", "grade", "source"});
  for (const IntervalRule& r : k.intervals)
    md += row({indicationText(r.indication), number(r.from_mm) + " to under " + number(r.below_mm),
               number(r.min_interval_days), r.usual_interval, r.provenance.grade,
               rowSource(r.provenance)});

  md += "\n## Courses and maintenance\n\n";
  md += header({"indication", "sessions", "maintenance", "grade", "source"});
  for (const Course& c : k.courses)
    md += row({std::string(toString(c.indication)), c.sessions, c.maintenance, c.provenance.grade,
               rowSource(c.provenance)});

  md +=
      "\n## Contraindications\n\nFrom the scenario's `patient.conditions`. An error "
      "makes `check` exit 1 and `run` refuse without `--force`.\n\n";
  md += header({"condition", "level", "code", "advice", "grade", "source"});
  for (const Contraindication& c : k.contraindications)
    md += row({std::string(toString(c.condition)), std::string(toString(c.level)), c.code, c.advice,
               c.provenance.grade, rowSource(c.provenance)});

  md +=
      "\n## Pigmentation (post-inflammatory hyperpigmentation) by Fitzpatrick type\n\nFor "
      "types with raised risk, a session at least " +
      number(k.threshold("pih_deep_needle_mm").value) + " mm deep or with at least " +
      number(k.threshold("pih_dense_punctures_per_cm2").value) +
      " punctures/cm2 raises a warning with the advice.\n\n";
  md += header({"type", "PIH risk", "advice", "grade", "source"});
  for (const PigmentationAdvice& p : k.pigmentation)
    md += row({std::to_string(p.fitzpatrick), p.pih_risk, p.advice, p.provenance.grade,
               rowSource(p.provenance)});

  md +=
      "\n## Aftercare\n\nFrom each session (or the hour before it) until the moment the "
      "simulation gives, never shorter than the floor; `run` writes it as aftercare.csv.\n\n";
  md += header({"item", "lasts until", "at least (h)", "instruction", "why", "grade", "source"});
  for (const AftercareRule& a : k.aftercare)
    md += row({a.item, a.from == "before" ? "the session" : a.until, number(a.at_least_h),
               a.instruction, a.reason, a.provenance.grade, rowSource(a.provenance)});

  md +=
      "\n## Plans: device by site and indication\n\nWhat `dermasim plan` suggests when no "
      "`--device` is given: the row for the site and indication, else the site's, else the "
      "indication's, else the `any, any` row.\n\n";
  md += row({"site", "indication", "device", "why", "grade", "source"}) +
        "|---|---|---|---|---|---|\n";
  for (const DeviceChoice& c : k.device_choices)
    md += row({c.site ? std::string(toString(*c.site)) : "any", indicationText(c.indication),
               std::string(toString(c.device)), c.reason, c.provenance.grade,
               rowSource(c.provenance)});

  md +=
      "\n## Plans: where each indication is treated\n\n`dermasim plan` refuses a site not "
      "listed for the indication.\n\n";
  md += row({"indication", "sites", "grade", "source"}) + "|---|---|---|---|\n";
  for (const TreatedSites& t : k.treated_sites) {
    std::string sites;
    for (Site s : t.sites) sites += (sites.empty() ? "" : ", ") + std::string(toString(s));
    md += row({std::string(toString(t.indication)), sites.empty() ? "any" : sites,
               t.provenance.grade, rowSource(t.provenance)});
  }

  md +=
      "\n## Downtime by needle depth\n\nDays of visible redness after a session, by the "
      "makers' guides; `dermasim plan` sets the simulated downtime against them.\n\n";
  md += row({"needle (mm)", "redness (days)", "grade", "source"}) + "|---|---|---|---|\n";
  for (const DowntimeRange& d : k.downtime)
    md += row({number(d.from_mm) + " to under " + number(d.below_mm),
               number(d.min_days) + " - " + number(d.max_days), d.provenance.grade,
               rowSource(d.provenance)});

  md += "\n## Thresholds\n\n";
  md += header({"key", "value", "unit", "level", "meaning", "grade", "source"});
  for (const GuidanceThreshold& t : k.thresholds)
    md += row({"`" + t.key + "`", number(t.value), t.unit, std::string(toString(t.level)),
               t.meaning, t.provenance.grade, rowSource(t.provenance)});
  return md;
}

}  // namespace dermasim
