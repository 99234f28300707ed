#include "report/ConsultationSheet.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <optional>
#include <string_view>

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "guidance/Aftercare.hpp"
#include "io/Comparison.hpp"
#include "io/PrintableText.hpp"
#include "render/RenderOptions.hpp"
#include "report/CurveChart.hpp"
#include "report/PdfCanvas.hpp"

namespace dermasim::report {

namespace {

// A is always orange and B always blue, in every chart, table and caption of the sheet, as in
// the viewer's compare mode; darker than the viewer's tones to read on paper. They stay apart
// for the common colour-vision deficiencies and in greyscale.
constexpr std::array<Colour, 2> kProtocolColours{{{0.88, 0.45, 0.05}, {0.12, 0.40, 0.74}}};

constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kGap = 10;
// Below this the page's footer (watermark and page number) is drawn.
constexpr double kContentBottom = kPageHeight - kMargin - 6;

std::string protocolLabel(const ConsultationSheet& sheet, std::size_t i) {
  if (sheet.protocols.size() < 2) return "";
  return i == 0 ? "A" : "B";
}

std::string fitzpatrickNumeral(int type) {
  constexpr std::array<const char*, 6> numerals{"I", "II", "III", "IV", "V", "VI"};
  return type >= 1 && type <= 6 ? numerals[static_cast<std::size_t>(type - 1)]
                                : std::to_string(type);
}

std::string patientInputs(const Patient& p) {
  std::string conditions;
  for (Condition c : p.conditions)
    conditions += (conditions.empty() ? "" : ", ") + std::string(toString(c));
  return "Patient: " + std::string(toString(p.site)) + ", Fitzpatrick skin type " +
         fitzpatrickNumeral(p.fitzpatrick) + ", age " + readableNumber(p.age_years, 3) +
         ", treated for " + std::string(toString(p.indication)) +
         "; conditions: " + (conditions.empty() ? "none given" : conditions) + ".";
}

// Where the next block goes; a block that would run into the footer starts a new page.
struct Cursor {
  PdfCanvas& pdf;
  double y = kMargin;

  void room(double height) {
    if (y + height <= kContentBottom) return;
    pdf.newPage();
    y = kMargin;
  }
  void heading(std::string_view text) {
    room(60);  // a heading is never left alone at the bottom of a page
    y += 6 + pdf.text({kMargin, y, kContentWidth}, text, {.size = 11.5, .bold = true}) + 3;
  }
  void paragraph(std::string_view text, const TextStyle& style = {}) {
    const double h = pdf.textHeight(kContentWidth, text, style);
    room(h);
    y += pdf.text({kMargin, y, kContentWidth}, text, style) + 3;
  }
};

void drawHeader(Cursor& at, const ConsultationSheet& sheet) {
  PdfCanvas& pdf = at.pdf;
  at.y += pdf.text({kMargin, at.y, kContentWidth}, "Microneedling consultation sheet",
                   {.size = 18, .bold = true});
  at.y += pdf.text({kMargin, at.y, kContentWidth},
                   std::string(kProgramName) + " " + kVersion + ", made " + sheet.date +
                       ". What typical skin with the inputs below does in the model, to talk "
                       "a treatment plan through.",
                   {.size = 8.5, .colour = kFaint}) +
          8;
  for (std::size_t i = 0; i < sheet.protocols.size(); ++i) {
    const Scenario& s = sheet.protocols[i].scenario;
    const std::string label = protocolLabel(sheet, i);
    pdf.fillRect(kMargin, at.y + 2, 9, 9, kProtocolColours[i]);
    at.y += pdf.text({kMargin + 14, at.y, kContentWidth - 14},
                     (label.empty() ? "" : label + ": ") + printable(s.name, 80) + "  (" +
                         printable(s.source, 80) + "), seed " + std::to_string(s.seed) + ", " +
                         readableNumber(s.duration_days) + " days",
                     {.size = 10, .bold = true});
    at.y +=
        pdf.text({kMargin + 14, at.y, kContentWidth - 14}, patientInputs(s.patient), {.size = 8.5});
    if (!s.description.empty())
      at.y += pdf.text({kMargin + 14, at.y, kContentWidth - 14}, printable(s.description, 300),
                       {.size = 8, .italic = true, .colour = kFaint});
    at.y += 5;
  }
}

bool isCohort(const TimeseriesTable& t) { return t.has("improvement_pct_p50"); }

Curve curveOf(const TimeseriesTable& t, const std::string& metric, Colour colour,
              double (*shown)(double)) {
  Curve c{colour, t.column("day"), {}, {}, {}};
  const auto take = [&](const std::string& name) {
    std::vector<double> v = t.column(name);
    for (double& x : v) x = shown(x);
    return v;
  };
  if (isCohort(t)) {
    c.y = take(metric + "_p50");
    c.low = take(metric + "_p10");
    c.high = take(metric + "_p90");
  } else {
    c.y = take(metric);
  }
  return c;
}

double asIs(double v) { return v; }
double percentChange(double ratio) { return 100.0 * (ratio - 1.0); }

void drawLegend(Cursor& at, const ConsultationSheet& sheet) {
  PdfCanvas& pdf = at.pdf;
  // Each protocol its share of the width; a long name wraps within it.
  const double share = kContentWidth / static_cast<double>(sheet.protocols.size());
  double height = 0;
  bool anyCohort = false;
  for (std::size_t i = 0; i < sheet.protocols.size(); ++i) {
    const SheetProtocol& p = sheet.protocols[i];
    anyCohort = anyCohort || isCohort(p.curves);
    const double x = kMargin + static_cast<double>(i) * share;
    pdf.line(x, at.y + 6, x + 18, at.y + 6, kProtocolColours[i], 2);
    const std::string label = protocolLabel(sheet, i);
    height = std::max(height,
                      pdf.text({x + 22, at.y, share - 30},
                               (label.empty() ? "" : label + ": ") + printable(p.scenario.name, 80),
                               {.size = 8.5}));
  }
  at.y += height + 3;
  if (anyCohort) {
    at.y += pdf.text({kMargin, at.y, kContentWidth},
                     "Line: the median of the cohort's virtual patients; shaded: their 10th to "
                     "90th percentile (how much people differ in the model).",
                     {.size = 8, .colour = kFaint}) +
            3;
  }
}

void drawCurves(Cursor& at, const ConsultationSheet& sheet) {
  at.heading("Over the days");
  drawLegend(at, sheet);
  struct Metric {
    const char* title;
    const char* unit;
    const char* column;
    double (*shown)(double);
  };
  const std::array<Metric, 3> metrics{{
      {"Texture improvement", "% better than before", "improvement_pct", &asIs},
      {"Collagen", "% change from before", "collagen_rel", &percentChange},
      {"Redness", "index, 0 none to 1 strong", "erythema", &asIs},
  }};
  const double width = (kContentWidth - 2 * kGap) / 3, height = 165;
  at.room(height);
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    CurveChart chart{metrics[m].title, metrics[m].unit, "day", {}, 0};
    for (std::size_t i = 0; i < sheet.protocols.size(); ++i)
      chart.curves.push_back(curveOf(sheet.protocols[i].curves, metrics[m].column,
                                     kProtocolColours[i], metrics[m].shown));
    drawCurveChart(at.pdf, chart,
                   {kMargin + static_cast<double>(m) * (width + kGap), at.y, width, height});
  }
  at.y += height + 4;
}

// A table row: cells left to right, each with its width and alignment.
struct Cell {
  std::string text;
  double width;
  Align align = Align::Right;
};

void drawRow(Cursor& at, const std::vector<Cell>& cells, const TextStyle& style, bool shaded,
             std::optional<Colour> swatch = std::nullopt) {
  double height = 0;
  for (const Cell& c : cells)
    height = std::max(height, at.pdf.textHeight(c.width - 6, c.text, style));
  at.room(height + 3);
  if (shaded) at.pdf.fillRect(kMargin, at.y, kContentWidth, height + 3, {0.95, 0.95, 0.97});
  double x = kMargin;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    TextStyle s = style;
    s.align = cells[i].align;
    if (i == 0 && swatch) at.pdf.fillRect(x + 3, at.y + 3.5, 7, 7, *swatch);
    const double indent = (i == 0 && swatch) ? 14 : 3;
    at.pdf.text({x + indent, at.y + 1.5, cells[i].width - indent - 3}, cells[i].text, s);
    x += cells[i].width;
  }
  at.y += height + 3;
}

void drawSessions(Cursor& at, const ConsultationSheet& sheet) {
  at.heading("Treatment plan and expected downtime");
  const std::array<double, 7> w{95, 50, 72, 70, 78, 78, 80};
  const TextStyle head{.size = 8, .bold = true};
  drawRow(at,
          {{"Session", w[0], Align::Left},
           {"Day", w[1]},
           {"Device", w[2]},
           {"Needle (mm)", w[3]},
           {"Mean depth (mm)", w[4]},
           {"Punctures / cm\xC2\xB2", w[5]},
           {"Redness lasts (days)", w[6]}},
          head, false);
  at.pdf.line(kMargin, at.y, kMargin + kContentWidth, at.y, kRule);
  const TextStyle body{.size = 8.5};
  bool shaded = false;
  for (std::size_t i = 0; i < sheet.protocols.size(); ++i) {
    const std::string label = protocolLabel(sheet, i);
    for (const SessionResult& s : sheet.protocols[i].result.sessions) {
      drawRow(at,
              {{(label.empty() ? "" : label + " ") + "session " + std::to_string(s.index + 1), w[0],
                Align::Left},
               {readableNumber(s.day), w[1]},
               {std::string(toString(s.device.type)), w[2]},
               {fixedNumber(s.device.needle_length_mm, 2), w[3]},
               {fixedNumber(s.needling.stats.mean_depth_mm, 2), w[4]},
               {fixedNumber(s.needling.stats.per_cm2, 0), w[5]},
               {fixedNumber(s.downtime_days, 1), w[6]}},
              body, shaded, kProtocolColours[i]);
      shaded = !shaded;
    }
  }
  at.y += 2;
  at.paragraph(
      "Redness lasts: the days until the simulated redness falls back to a faint level "
      "(erythema index below 0.1) after the session; mean depth: how deep the needles reached "
      "into the skin, which is less than the needle's length." +
          std::string(std::any_of(sheet.protocols.begin(), sheet.protocols.end(),
                                  [](const SheetProtocol& p) { return isCohort(p.curves); })
                          ? " For a cohort run, the sessions and the pictures are those of the "
                            "scenario's own, typical patient."
                          : ""),
      {.size = 7.5, .colour = kFaint});
}

// "/cm2" as print writes it.
std::string printedUnit(std::string unit) {
  if (const std::size_t at = unit.find("cm2"); at != std::string::npos)
    unit.replace(at, 3, "cm\xC2\xB2");
  return unit;
}

std::string shownFigure(const std::optional<double>& v, int decimals, bool asChange) {
  if (!v) return "n/a";
  return asChange ? signedNumber(*v, decimals) : fixedNumber(*v, decimals);
}

void drawDifferences(Cursor& at, const ConsultationSheet& sheet) {
  const SheetProtocol &a = sheet.protocols[0], &b = sheet.protocols[1];
  const std::vector<ComparedFigure> figures =
      comparedFigures({a.scenario, a.result}, {b.scenario, b.result});
  at.heading("A and B side by side");
  const std::array<double, 4> w{kContentWidth - 3 * 85, 85, 85, 85};
  drawRow(at, {{"", w[0], Align::Left}, {"A", w[1]}, {"B", w[2]}, {"B - A", w[3]}},
          {.size = 8, .bold = true}, false);
  at.pdf.line(kMargin, at.y, kMargin + kContentWidth, at.y, kRule);
  bool shaded = false;
  for (const ComparedFigure& f : figures) {
    drawRow(at,
            {{f.label + " (" + printedUnit(f.unit) + ")", w[0], Align::Left},
             {shownFigure(f.a, f.decimals, false), w[1]},
             {shownFigure(f.b, f.decimals, false), w[2]},
             {shownFigure(f.difference(), f.decimals, true), w[3]}},
            {.size = 8.5}, shaded);
    shaded = !shaded;
  }
  at.y += 2;
  at.paragraph(
      "Per session: the mean over the sessions. 1, 3 and 6 months: days 30, 90 and 180 after the "
      "first session; n/a past a scenario's end, and needling time for a roller (the model does "
      "not know how fast it is rolled).",
      {.size = 7.5, .colour = kFaint});
}

// The longest round length (0.25, 0.5, 1, 2 mm...) at most a third of the image's width.
double scaleBarMm(double widthMm) {
  double bar = 0.1;
  for (double mm : {0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0})
    if (mm <= widthMm / 3) bar = mm;
  return bar;
}

void drawRender(PdfCanvas& pdf, const DayRender& r, double x, double y, double size) {
  pdf.image(r.image, x, y, size, size);
  pdf.strokeRect(x, y, size, size, kRule, 0.5);
  const double mm = scaleBarMm(r.width_mm);
  const double length = size * mm / r.width_mm;
  const double bx = x + 6, by = y + size - 8;
  pdf.fillRect(bx - 3, by - 12, length + 6, 17, {1, 1, 1}, 0.8);
  pdf.fillRect(bx, by, length, 2.2, kInk);
  pdf.text({bx - 3, by - 11, std::max(length + 6, 30.0)}, readableNumber(mm) + " mm",
           {.size = 7, .bold = true});
}

void drawSkin(Cursor& at, const ConsultationSheet& sheet) {
  at.heading("The skin, seen from above");
  at.paragraph(
      "Drawn from the simulation in overhead light, as from straight above; the bar is a length "
      "on the skin. The pictures show a small patch, a few millimetres across.",
      {.size = 8, .colour = kFaint});
  constexpr int kColumns = 4;
  // A little short of the full width: with two protocols, their pictures, captions and the
  // aftercare table keep to one page.
  constexpr double kPictureShare = 0.85;
  const double size = kPictureShare * (kContentWidth - (kColumns - 1) * kGap) / kColumns;
  for (std::size_t i = 0; i < sheet.protocols.size(); ++i) {
    const SheetProtocol& p = sheet.protocols[i];
    const std::string label = protocolLabel(sheet, i);
    at.room(size + 60);
    at.pdf.fillRect(kMargin, at.y + 2, 9, 9, kProtocolColours[i]);
    at.y += at.pdf.text({kMargin + 14, at.y, kContentWidth - 14},
                        (label.empty() ? "" : label + ": ") + printable(p.scenario.name, 80),
                        {.size = 9.5, .bold = true}) +
            3;
    if (p.renders.empty()) {
      at.paragraph("No pictures: the renderer could not start on this machine (" +
                       printable(p.renders_unavailable, 200) + ").",
                   {.size = 8.5, .colour = kFaint});
      continue;
    }
    double captionHeight = 0;
    for (std::size_t d = 0; d < p.renders.size() && d < kColumns; ++d) {
      const DayRender& r = p.renders[d];
      const double x = kMargin + 0.5 * (kContentWidth - kColumns * size - (kColumns - 1) * kGap) +
                       static_cast<double>(d) * (size + kGap);
      drawRender(at.pdf, r, x, at.y, size);
      double h =
          at.pdf.text({x, at.y + size + 3, size},
                      "Day " + readableNumber(r.day) + (label.empty() ? "" : " (" + label + ")"),
                      {.size = 8.5, .bold = true, .align = Align::Centre});
      if (r.relief_exaggeration != 1)
        h += at.pdf.text({x, at.y + size + 3 + h, size},
                         "relief exaggerated " + readableNumber(r.relief_exaggeration) + "\xC3\x97",
                         {.size = 7.5, .colour = kFaint, .align = Align::Centre});
      captionHeight = std::max(captionHeight, h);
    }
    at.y += size + 3 + captionHeight + 6;
    for (const DayRender& r : p.renders)
      if (!r.caption.empty())
        at.paragraph((label.empty() ? "" : label + ", ") + r.caption, {.size = 7.5});
    at.y += 4;
  }
}

// How long an instruction lasts, from the session: hours within two days, else days.
std::string aftercareSpan(const AftercareStep& step) {
  if (step.rule->from == "before") return "hour before";
  if (step.hours <= kAftercareHoursShownUpTo)
    return "first " + fixedNumber(std::ceil(step.hours), 0) + " h";
  return "first " + fixedNumber(std::ceil(step.hours / 24.0), 0) + " days";
}

void drawAftercare(Cursor& at, const ConsultationSheet& sheet) {
  at.heading("Aftercare, day by day");
  at.paragraph(
      "After each session: how long each step lasts comes from the simulation (channels "
      "closing, redness fading), never shorter than practice advises.",
      {.size = 7.5, .colour = kFaint});
  // One row per instruction, one "when" column per protocol: their rules are the same table's.
  std::vector<std::vector<AftercareStep>> plans;
  for (const SheetProtocol& p : sheet.protocols) {
    std::vector<AftercareStep> first;
    for (AftercareStep& step : aftercarePlan(p.result))
      if (step.session == 1) first.push_back(std::move(step));
    plans.push_back(std::move(first));
  }
  if (plans.empty() || plans.front().empty()) return;
  constexpr double kWhen = 62, kWhy = 170;
  const double what = kContentWidth - kWhy - kWhen * static_cast<double>(plans.size());
  std::vector<Cell> header{{"What to do", what, Align::Left}};
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::string label = protocolLabel(sheet, i);
    header.push_back({label.empty() ? "When" : "When (" + label + ")", kWhen, Align::Left});
  }
  header.push_back({"Why", kWhy, Align::Left});
  const TextStyle small{.size = 7.5};
  drawRow(at, header, {.size = 7.5, .bold = true}, false);
  at.pdf.line(kMargin, at.y, kMargin + kContentWidth, at.y, kRule);
  bool shaded = false;
  for (std::size_t r = 0; r < plans.front().size(); ++r) {
    const AftercareRule& rule = *plans.front()[r].rule;
    std::vector<Cell> row{{rule.instruction, what, Align::Left}};
    for (const std::vector<AftercareStep>& plan : plans)
      row.push_back({r < plan.size() ? aftercareSpan(plan[r]) : "", kWhen, Align::Left});
    row.push_back({rule.reason, kWhy, Align::Left});
    drawRow(at, row, small, shaded);
    shaded = !shaded;
  }
  at.y += 4;
}

constexpr std::string_view kAbout =
    "About this sheet: dermasim models how skin responds to microneedling: the punctures of each "
    "session, the "
    "redness and healing after it, and the slow renewal of collagen over the following months. "
    "It shows what typical skin with these inputs does in the model. Real skin varies from "
    "person to person, and the model has known limits (dermasim's About box lists them). Use "
    "it to talk a plan through, not to promise a result.";
const TextStyle kAboutStyle{.size = 7.5, .colour = kFaint};

// Where there is room: at the end of page 1 if it fits there, so the sheet keeps to two pages.
bool drawAbout(Cursor& at, bool onlyIfRoom) {
  constexpr double kAbove = 6;
  if (onlyIfRoom &&
      at.y + kAbove + at.pdf.textHeight(kContentWidth, kAbout, kAboutStyle) > kContentBottom)
    return false;
  at.y += kAbove;
  at.paragraph(kAbout, kAboutStyle);
  return true;
}

}  // namespace

std::string todayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

std::string consultationSheetPdf(const ConsultationSheet& sheet) {
  PdfCanvas pdf("Microneedling consultation sheet", render::kWatermarkText);
  Cursor at{pdf};
  drawHeader(at, sheet);
  drawCurves(at, sheet);
  drawSessions(at, sheet);
  if (sheet.protocols.size() == 2) drawDifferences(at, sheet);
  const bool aboutDone = drawAbout(at, true);
  pdf.newPage();
  at.y = kMargin;
  drawSkin(at, sheet);
  drawAftercare(at, sheet);
  if (!aboutDone) drawAbout(at, false);
  return pdf.finish();
}

}  // namespace dermasim::report
