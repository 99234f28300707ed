#pragma once
// A4 pages of a PDF drawn with Cairo, their text laid out with Pango: the drawing surface of the
// consultation sheet. Lengths are PDF points (1/72 inch), (0, 0) is a page's top left. The PDF
// is kept in memory until finish(), so the caller can write it atomically or not at all.
//
//   PdfCanvas pdf("Consultation sheet", "Simulation for education - not a prediction");
//   pdf.text({40, 40, 300}, "Title", {.size = 16, .bold = true});
//   pdf.newPage();                      // the watermark is drawn on every page
//   writeFileAtomically("sheet.pdf", pdf.finish());

#include <memory>
#include <string>
#include <string_view>

#include "render/Image.hpp"

namespace dermasim::report {

struct Colour {
  double r = 0, g = 0, b = 0;
};

inline constexpr Colour kInk{0.1, 0.1, 0.12};
inline constexpr Colour kFaint{0.42, 0.42, 0.46};
inline constexpr Colour kRule{0.8, 0.8, 0.83};

inline constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4
inline constexpr double kMargin = 40;

enum class Align { Left, Centre, Right };

struct TextStyle {
  double size = 9;
  bool bold = false;
  bool italic = false;
  Colour colour = kInk;
  Align align = Align::Left;
};

// Where a paragraph goes: its top-left corner and the width it wraps to.
struct TextBox {
  double x = 0, y = 0, width = 0;
};

class PdfCanvas {
 public:
  // Starts page 1. `watermark` is written across every page and again in its footer.
  PdfCanvas(std::string title, std::string watermark);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // Lays `text` (plain, UTF-8) out in the box, wrapped at word boundaries; returns its height.
  double text(const TextBox& box, std::string_view text, const TextStyle& style = {});
  // The height text() would take, without drawing.
  double textHeight(double width, std::string_view text, const TextStyle& style = {});
  // Text turned a quarter anticlockwise, centred on (x, y): a chart's vertical axis title.
  void verticalText(double x, double y, std::string_view text, const TextStyle& style = {});

  void line(double x0, double y0, double x1, double y1, Colour colour, double width = 0.6);
  void fillRect(double x, double y, double w, double h, Colour colour, double alpha = 1);
  void strokeRect(double x, double y, double w, double h, Colour colour, double width = 0.6);
  // A polyline through the points (x0, y0, x1, y1, ...).
  void polyline(const double* xy, std::size_t points, Colour colour, double width = 1.2);
  // A filled polygon, e.g. a band between two curves.
  void polygon(const double* xy, std::size_t points, Colour colour, double alpha);
  // The image scaled into the rectangle (aspect kept by the caller).
  void image(const render::Image& image, double x, double y, double w, double h);

  // Ends the page (with its watermark and page footer) and starts the next.
  void newPage();
  int pages() const { return pages_; }
  // Ends the last page and returns the PDF's bytes. Throws std::runtime_error if Cairo failed.
  std::string finish();

 private:
  void drawWatermark();

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string watermark_;
  int pages_ = 1;
};

}  // namespace dermasim::report
