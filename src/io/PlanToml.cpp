#include "io/PlanToml.hpp"

#include "core/Version.hpp"
#include "core/numerics/NumberText.hpp"
#include "io/AtomicFile.hpp"

namespace dermasim {
namespace {

// Comment lines are wrapped to this width so the file reads in an editor.
constexpr std::size_t kWidth = 100;

// The plan's text is the program's own (names, numbers, the table's words), but a quote or a
// backslash in the table's wording must not end the TOML string early.
std::string tomlText(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out + "\"";
}

class CommentedFile {
 public:
  // "# label: text", wrapped at word boundaries; later lines indented under the text.
  void comment(const std::string& label, const std::string& text) {
    const std::string first = "# " + label + (label.empty() ? "" : ": ");
    std::string line = first;
    bool lineHasWords = false;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find(' ', at);
      if (end == std::string::npos) end = text.size();
      const std::string word = text.substr(at, end - at);
      if (lineHasWords && line.size() + 1 + word.size() > kWidth) {
        out_ += line + "\n";
        line.assign(1, '#').append(first.size() - 1, ' ');  // `first` starts with "# "
      } else if (lineHasWords) {
        line += ' ';
      }
      line += word;
      lineHasWords = true;
      at = end + 1;
    }
    out_ += line + "\n";
  }
  void why(const PlanChoice& choice) {
    for (const std::string& r : choice.reasons) comment("why", r);
    for (const std::string& s : choice.sources) comment("source", s);
  }
  void table(const std::string& name) { out_ += "\n[" + name + "]\n"; }
  void line(const std::string& text) { out_ += text + "\n"; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// `key = value`, with the plan's reasons for `dottedKey` above it.
void entry(CommentedFile& f, const ProtocolPlan& plan, const std::string& dottedKey,
           const std::string& value) {
  if (const PlanChoice* choice = choiceFor(plan, dottedKey)) f.why(*choice);
  f.line(dottedKey.substr(dottedKey.rfind('.') + 1) + " = " + value);
}

}  // namespace

std::string planToml(const ProtocolPlan& plan, const std::string& command,
                     const std::vector<Advisory>& findings) {
  const Scenario& s = plan.scenario;
  CommentedFile f;
  f.comment("", "Suggested by `" + command + "` (" + std::string(kProgramName) + " " + kVersion +
                    ") from the clinical knowledge table, assets/guidance/*.csv "
                    "(`dermasim guidance`, docs/GUIDANCE.md).");
  f.comment("",
            "A simulation aid built from reviews and makers' charts, not medical advice. "
            "Keys not written here take their documented defaults (`dermasim keys`).");
  for (const PlanChoice& c : plan.choices) {
    if (!c.key.empty()) continue;
    f.line("#");
    f.comment(c.what, c.value);
    f.why(c);
  }

  for (const Advisory& a : findings) {
    f.line("#");
    f.comment("check says", std::string(toString(a.level)) + " " + a.code + ": " + a.message);
    if (!a.source.empty()) f.comment("source", a.source);
  }

  f.table("scenario");
  f.line("name = " + tomlText(s.name));
  f.line("description = " + tomlText(s.description));
  f.line("seed = " + std::to_string(s.seed) + "  # the scenario schema's default");
  entry(f, plan, "scenario.duration_days", exactNumber(s.duration_days));

  f.table("patient");
  f.line("site = " + tomlText(toString(s.patient.site)));
  entry(f, plan, "patient.indication", tomlText(toString(s.patient.indication)));
  entry(f, plan, "patient.fitzpatrick", std::to_string(s.patient.fitzpatrick));

  f.table("device");
  entry(f, plan, "device.type", tomlText(toString(s.device.type)));
  entry(f, plan, "device.needle_length_mm", exactNumber(s.device.needle_length_mm));
  entry(f, plan, "device.passes", std::to_string(s.device.passes));

  f.table("schedule");
  entry(f, plan, "schedule.sessions", std::to_string(s.sessions.size()));
  entry(f, plan, "schedule.interval_days", exactNumber(plan.interval_days));
  return f.take();
}

void savePlanFile(const std::filesystem::path& file, const ProtocolPlan& plan,
                  const std::string& command, const std::vector<Advisory>& findings) {
  writeFileAtomically(file, planToml(plan, command, findings));
}

}  // namespace dermasim
