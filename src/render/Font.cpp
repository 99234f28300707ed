#include "render/Font.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

// stb's code is compiled here, privately (STBTT_STATIC): libimgui carries its own copy.
// GCC warns about it once inlined, where system-header silence no longer applies.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wunused-function"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_easy_font.h>
#include <stb/stb_truetype.h>
#pragma GCC diagnostic pop

namespace dermasim::render {

namespace {

constexpr const char* kFontPaths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  // Debian, Ubuntu (fonts-dejavu-core)
    "/usr/share/fonts/TTF/DejaVuSans.ttf",              // Arch
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",           // Fedora
};

// Printable ASCII and the printable half of Latin-1 (degree, micro, multiplication signs).
constexpr int kAsciiFirst = 32, kAsciiCount = 95;
constexpr int kLatinFirst = 160, kLatinCount = 96;
constexpr int kSolidRows = 4;  // opaque rows at the bottom of every atlas

// Oversampled 2x horizontally: sharper small text at fractional pen positions.
constexpr int kOversampleX = 2;

// The built-in bitmap font's letters are 7 units tall above the baseline, 2 below.
constexpr float kBitmapCapUnits = 7, kBitmapDescentUnits = 2, kBitmapEmUnits = 10;

bool readFile(const char* path, std::vector<unsigned char>& bytes) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return false;
  unsigned char chunk[65536];
  std::size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    bytes.insert(bytes.end(), chunk, chunk + n);
  }
  const bool ok = std::ferror(file) == 0 && !bytes.empty();
  std::fclose(file);
  return ok;
}

std::uint64_t nextGeneration() {
  static std::uint64_t counter = 0;
  return ++counter;
}

// Latin-1 code points of UTF-8 text; anything else becomes '?'.
std::vector<int> codepoints(std::string_view text) {
  std::vector<int> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    int cp = '?';
    std::size_t length = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      length = 2;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
    }
    const bool printable = (cp >= kAsciiFirst && cp < kAsciiFirst + kAsciiCount) ||
                           (cp >= kLatinFirst && cp < kLatinFirst + kLatinCount);
    out.push_back(printable ? cp : '?');
    i += length;
  }
  return out;
}

}  // namespace

std::array<float, 2> FontFace::solidUv() const {
  return {
      0.5f / static_cast<float>(atlas_width),
      (static_cast<float>(atlas_height) - kSolidRows / 2.0f) / static_cast<float>(atlas_height)};
}

struct Font::TrueType {
  std::vector<unsigned char> bytes;
  stbtt_fontinfo info{};
  // Per pixel height, the packed glyphs of both ranges, ASCII first.
  std::map<int, std::vector<stbtt_packedchar>> packed;
};

Font::Font() {
  for (const char* path : kFontPaths) {
    auto trueType = std::make_unique<TrueType>();
    if (!readFile(path, trueType->bytes)) continue;
    const unsigned char* data = trueType->bytes.data();
    const int offset = stbtt_GetFontOffsetForIndex(data, 0);
    if (offset < 0 || stbtt_InitFont(&trueType->info, data, offset) == 0) continue;
    trueType_ = std::move(trueType);
    name_ = path;
    return;
  }
  name_ = "built-in bitmap font";
}

Font::~Font() = default;

const FontFace& Font::face(int pixelHeight) {
  pixelHeight = std::clamp(pixelHeight, 6, 96);
  if (const auto found = faces_.find(pixelHeight); found != faces_.end()) return found->second;

  FontFace face;
  face.pixel_height = pixelHeight;
  face.generation = nextGeneration();
  if (trueType_ == nullptr) {
    const float unit = static_cast<float>(pixelHeight) / kBitmapEmUnits;
    face.ascent = kBitmapCapUnits * unit;
    face.descent = kBitmapDescentUnits * unit;
    face.atlas_width = 4;
    face.atlas_height = kSolidRows;
    face.atlas.assign(16, 255);
    return faces_.emplace(pixelHeight, std::move(face)).first->second;
  }

  const stbtt_fontinfo& info = trueType_->info;
  const float scale = stbtt_ScaleForPixelHeight(&info, static_cast<float>(pixelHeight));
  int ascent = 0, descent = 0, lineGap = 0;
  stbtt_GetFontVMetrics(&info, &ascent, &descent, &lineGap);
  face.ascent = static_cast<float>(ascent) * scale;
  face.descent = static_cast<float>(-descent) * scale;

  std::vector<stbtt_packedchar> packed(kAsciiCount + kLatinCount);
  // Start from a side that usually fits, double until everything packs.
  int side = 128;
  while (side * side <
         (kAsciiCount + kLatinCount) * (kOversampleX * pixelHeight + 2) * (pixelHeight + 2)) {
    side *= 2;
  }
  for (;; side *= 2) {
    if (side > 8192) throw std::runtime_error("font atlas: glyphs do not fit");
    const int packedRows = side;
    face.atlas_width = side;
    face.atlas_height = packedRows + kSolidRows;
    face.atlas.assign(
        static_cast<std::size_t>(face.atlas_width) * static_cast<std::size_t>(face.atlas_height),
        0);
    stbtt_pack_context context{};
    if (stbtt_PackBegin(&context, face.atlas.data(), side, packedRows, side, 1, nullptr) == 0) {
      throw std::runtime_error("font atlas: stbtt_PackBegin failed");
    }
    stbtt_PackSetOversampling(&context, kOversampleX, 1);
    stbtt_pack_range ranges[2] = {};
    ranges[0].font_size = static_cast<float>(pixelHeight);
    ranges[0].first_unicode_codepoint_in_range = kAsciiFirst;
    ranges[0].num_chars = kAsciiCount;
    ranges[0].chardata_for_range = packed.data();
    ranges[1].font_size = static_cast<float>(pixelHeight);
    ranges[1].first_unicode_codepoint_in_range = kLatinFirst;
    ranges[1].num_chars = kLatinCount;
    ranges[1].chardata_for_range = packed.data() + kAsciiCount;
    const int ok = stbtt_PackFontRanges(&context, trueType_->bytes.data(), 0, ranges, 2);
    stbtt_PackEnd(&context);
    if (ok != 0) break;
  }
  std::fill(face.atlas.end() - static_cast<std::ptrdiff_t>(face.atlas_width) * kSolidRows,
            face.atlas.end(), std::uint8_t{255});
  trueType_->packed[pixelHeight] = std::move(packed);
  return faces_.emplace(pixelHeight, std::move(face)).first->second;
}

TextLayout Font::layout(std::string_view text, int pixelHeight) {
  const FontFace& f = face(pixelHeight);
  TextLayout out;
  const std::vector<int> cps = codepoints(text);
  if (trueType_ == nullptr) {
    // stb_easy_font draws ASCII only, as bars; its y grows downwards from the top of capitals.
    std::string ascii;
    for (int cp : cps) ascii += cp < 127 ? static_cast<char>(cp) : '?';
    const float unit = static_cast<float>(f.pixel_height) / kBitmapEmUnits;
    std::vector<float> vertices(ascii.size() * 64 * 4 + 64);  // ~270 bytes per character
    const int quads = stb_easy_font_print(0, 0, ascii.data(), nullptr, vertices.data(),
                                          static_cast<int>(vertices.size() * sizeof(float)));
    const auto [su, sv] = f.solidUv();
    for (int q = 0; q < quads; ++q) {
      // 4 vertices of x, y, z and a 4-byte colour (one float's room) each.
      const float* v = vertices.data() + static_cast<std::ptrdiff_t>(q) * 16;
      float x0 = v[0], x1 = v[0], y0 = v[1], y1 = v[1];
      for (int corner = 1; corner < 4; ++corner) {
        x0 = std::min(x0, v[4 * corner]);
        x1 = std::max(x1, v[4 * corner]);
        y0 = std::min(y0, v[4 * corner + 1]);
        y1 = std::max(y1, v[4 * corner + 1]);
      }
      GlyphQuad g;
      g.x0 = x0 * unit;
      g.y0 = (y0 - kBitmapCapUnits) * unit;
      g.x1 = x1 * unit;
      g.y1 = (y1 - kBitmapCapUnits) * unit;
      g.u0 = g.u1 = su;
      g.v0 = g.v1 = sv;
      out.quads.push_back(g);
    }
    out.width = static_cast<float>(stb_easy_font_width(ascii.data())) * unit;
    return out;
  }

  const std::vector<stbtt_packedchar>& packed = trueType_->packed.at(f.pixel_height);
  float x = 0, y = 0;
  for (int cp : cps) {
    const int index = cp < kLatinFirst ? cp - kAsciiFirst : kAsciiCount + cp - kLatinFirst;
    stbtt_aligned_quad q{};
    stbtt_GetPackedQuad(packed.data(), f.atlas_width, f.atlas_height, index, &x, &y, &q, 0);
    if (cp != ' ') out.quads.push_back({q.x0, q.y0, q.x1, q.y1, q.s0, q.t0, q.s1, q.t1});
  }
  out.width = x;
  return out;
}

}  // namespace dermasim::render
