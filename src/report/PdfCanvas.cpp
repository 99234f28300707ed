#include "report/PdfCanvas.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace dermasim::report {

namespace {

// DejaVu Sans is what the viewer's font package brings; fontconfig substitutes when missing.
constexpr const char* kFontFamily = "DejaVu Sans";

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

struct PdfCanvas::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;

  PangoLayout* layout(double width, std::string_view text, const TextStyle& style) {
    PangoLayout* l = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_layout_set_font_description(l, font);
    pango_font_description_free(font);
    if (width > 0) {
      pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l, style.align == Align::Centre  ? PANGO_ALIGN_CENTER
                                  : style.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT);
    // A scenario's name can hold any bytes: invalid UTF-8 is shown as replacement characters.
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    pango_layout_set_text(l, valid, -1);
    g_free(valid);
    return l;
  }

  static double heightOf(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void colour(Colour c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }
};

PdfCanvas::PdfCanvas(std::string title, std::string watermark)
    : impl_(std::make_unique<Impl>()), watermark_(std::move(watermark)) {
  impl_->surface =
      cairo_pdf_surface_create_for_stream(&appendToString, &impl_->bytes, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "dermasim");
  impl_->cr = cairo_create(impl_->surface);
  if (cairo_status(impl_->cr) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cannot start the PDF: ") +
                             cairo_status_to_string(cairo_status(impl_->cr)));
}

PdfCanvas::~PdfCanvas() {
  if (impl_->cr != nullptr) cairo_destroy(impl_->cr);
  if (impl_->surface != nullptr) cairo_surface_destroy(impl_->surface);
}

double PdfCanvas::text(const TextBox& box, std::string_view text, const TextStyle& style) {
  PangoLayout* l = impl_->layout(box.width, text, style);
  impl_->colour(style.colour);
  cairo_move_to(impl_->cr, box.x, box.y);
  pango_cairo_show_layout(impl_->cr, l);
  const double height = Impl::heightOf(l);
  g_object_unref(l);
  return height;
}

double PdfCanvas::textHeight(double width, std::string_view text, const TextStyle& style) {
  PangoLayout* l = impl_->layout(width, text, style);
  const double height = Impl::heightOf(l);
  g_object_unref(l);
  return height;
}

void PdfCanvas::verticalText(double x, double y, std::string_view text, const TextStyle& style) {
  PangoLayout* l = impl_->layout(0, text, style);
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  cairo_save(impl_->cr);
  cairo_translate(impl_->cr, x, y);
  cairo_rotate(impl_->cr, -M_PI / 2);
  impl_->colour(style.colour);
  cairo_move_to(impl_->cr, -0.5 * w / PANGO_SCALE, -0.5 * h / PANGO_SCALE);
  pango_cairo_show_layout(impl_->cr, l);
  cairo_restore(impl_->cr);
  g_object_unref(l);
}

void PdfCanvas::line(double x0, double y0, double x1, double y1, Colour colour, double width) {
  impl_->colour(colour);
  cairo_set_line_width(impl_->cr, width);
  cairo_move_to(impl_->cr, x0, y0);
  cairo_line_to(impl_->cr, x1, y1);
  cairo_stroke(impl_->cr);
}

void PdfCanvas::fillRect(double x, double y, double w, double h, Colour colour, double alpha) {
  impl_->colour(colour, alpha);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_fill(impl_->cr);
}

void PdfCanvas::strokeRect(double x, double y, double w, double h, Colour colour, double width) {
  impl_->colour(colour);
  cairo_set_line_width(impl_->cr, width);
  cairo_rectangle(impl_->cr, x, y, w, h);
  cairo_stroke(impl_->cr);
}

void PdfCanvas::polyline(const double* xy, std::size_t points, Colour colour, double width) {
  if (points < 2) return;
  impl_->colour(colour);
  cairo_set_line_width(impl_->cr, width);
  cairo_set_line_join(impl_->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to(impl_->cr, xy[0], xy[1]);
  for (std::size_t i = 1; i < points; ++i) cairo_line_to(impl_->cr, xy[2 * i], xy[2 * i + 1]);
  cairo_stroke(impl_->cr);
}

void PdfCanvas::polygon(const double* xy, std::size_t points, Colour colour, double alpha) {
  if (points < 3) return;
  impl_->colour(colour, alpha);
  cairo_move_to(impl_->cr, xy[0], xy[1]);
  for (std::size_t i = 1; i < points; ++i) cairo_line_to(impl_->cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path(impl_->cr);
  cairo_fill(impl_->cr);
}

void PdfCanvas::image(const render::Image& image, double x, double y, double w, double h) {
  if (image.empty()) return;
  cairo_surface_t* pixels =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width(), image.height());
  cairo_surface_flush(pixels);
  unsigned char* data = cairo_image_surface_get_data(pixels);
  const int stride = cairo_image_surface_get_stride(pixels);
  for (int row = 0; row < image.height(); ++row) {
    auto* out = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
    for (int col = 0; col < image.width(); ++col) {
      const render::Rgba p = image.pixel(col, row);
      out[col] = (std::uint32_t{p.r} << 16) | (std::uint32_t{p.g} << 8) | p.b;
    }
  }
  cairo_surface_mark_dirty(pixels);
  cairo_save(impl_->cr);
  cairo_translate(impl_->cr, x, y);
  cairo_scale(impl_->cr, w / image.width(), h / image.height());
  cairo_set_source_surface(impl_->cr, pixels, 0, 0);
  cairo_paint(impl_->cr);
  cairo_restore(impl_->cr);
  cairo_surface_destroy(pixels);
}

void PdfCanvas::drawWatermark() {
  // Across the middle, faint enough to read through; and in the footer, where it cannot be
  // cropped off a printout and where text extraction finds it in one piece.
  cairo_save(impl_->cr);
  cairo_translate(impl_->cr, kPageWidth / 2, kPageHeight / 2);
  cairo_rotate(impl_->cr, -std::atan2(kPageHeight, kPageWidth));
  PangoLayout* l = impl_->layout(0, "SIMULATION", {.size = 96, .bold = true});
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  impl_->colour({0.55, 0.55, 0.6}, 0.09);
  cairo_move_to(impl_->cr, -0.5 * w / PANGO_SCALE, -0.5 * h / PANGO_SCALE);
  pango_cairo_show_layout(impl_->cr, l);
  g_object_unref(l);
  cairo_restore(impl_->cr);

  const double footer = kPageHeight - kMargin + 12;
  line(kMargin, footer - 4, kPageWidth - kMargin, footer - 4, kRule);
  text({kMargin, footer, kPageWidth - 2 * kMargin - 50}, watermark_,
       {.size = 8.5, .bold = true, .colour = {0.6, 0.1, 0.1}});
  text({kPageWidth - kMargin - 50, footer, 50}, "page " + std::to_string(pages_),
       {.size = 8, .colour = kFaint, .align = Align::Right});
}

void PdfCanvas::newPage() {
  drawWatermark();
  cairo_show_page(impl_->cr);
  ++pages_;
}

std::string PdfCanvas::finish() {
  drawWatermark();
  cairo_show_page(impl_->cr);
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  const cairo_status_t status = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cannot write the PDF: ") +
                             cairo_status_to_string(status));
  return std::move(impl_->bytes);
}

}  // namespace dermasim::report
