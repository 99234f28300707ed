#pragma once
// Reading a PDF back in a test with poppler's tools: its page count, the text of a page, page 1
// as a PNG. Each is unavailable (hasPoppler() false) when CMake did not find poppler-utils.
//
//   if (!pdf_test::hasPoppler()) { WARN("poppler-utils missing"); return; }
//   CHECK(pdf_test::pages(file) == 2);
//   CHECK(pdf_test::lower(pdf_test::pageText(file, 1)).find("seed 7") != std::string::npos);

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string>

namespace pdf_test {

#ifdef DERMASIM_PDFTOTEXT
inline constexpr const char* kPdfToText = DERMASIM_PDFTOTEXT;
inline constexpr const char* kPdfInfo = DERMASIM_PDFINFO;
inline constexpr const char* kPdfToPpm = DERMASIM_PDFTOPPM;
#else
inline constexpr const char* kPdfToText = "";
inline constexpr const char* kPdfInfo = "";
inline constexpr const char* kPdfToPpm = "";
#endif

inline bool hasPoppler() { return std::string(kPdfToText).size() > 0; }

inline std::string output(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
      out.append(buffer.data(), n);
    ::pclose(pipe);
  }
  return out;
}

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

inline int pages(const std::filesystem::path& pdf) {
  const std::string info = output(std::string(kPdfInfo) + " '" + pdf.string() + "' 2>&1");
  const std::size_t at = info.find("Pages:");
  if (at == std::string::npos) return -1;
  return std::stoi(info.substr(at + 6));
}

// The page's text, lines joined by spaces so a wrapped phrase still reads as one.
inline std::string pageText(const std::filesystem::path& pdf, int page) {
  std::string text = output(std::string(kPdfToText) + " -f " + std::to_string(page) + " -l " +
                            std::to_string(page) + " '" + pdf.string() + "' - 2>/dev/null");
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// Page `page` rendered at `dpi` into `png` (pdftoppm -singlefile); true when it was written.
inline bool pageToPng(const std::filesystem::path& pdf, int page, int dpi,
                      const std::filesystem::path& png) {
  std::filesystem::path stem = png;
  stem.replace_extension();
  output(std::string(kPdfToPpm) + " -png -singlefile -r " + std::to_string(dpi) + " -f " +
         std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf.string() + "' '" +
         stem.string() + "' 2>&1");
  return std::filesystem::exists(png);
}

}  // namespace pdf_test
