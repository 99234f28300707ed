// Export names from free text: nothing a shell must quote, nothing hidden, bounded.

#include <catch2/catch.hpp>

#include "io/SafeFileName.hpp"

using namespace dermasim;

TEST_CASE("SafeFileName: titles become names no shell has to quote") {
  CHECK(safeFileName("Acne scars - pen 1.5 mm, 4 monthly sessions") ==
        "Acne_scars_-_pen_1.5_mm_4_monthly_sessions");
  CHECK(safeFileName("a'b\"c$d`e;f|g&h*i?j") == "a_b_c_d_e_f_g_h_i_j");
  CHECK(safeFileName("../../etc/passwd") == "etc_passwd");
  CHECK(safeFileName(".hidden") == "hidden");
  CHECK(safeFileName("Narbe \xC3\xBC"
                     "ber Nacht") == "Narbe_ber_Nacht");
  CHECK(safeFileName("   ") == "dermasim");
  CHECK(safeFileName("", "export") == "export");
  CHECK(safeFileName(std::string(500, 'x')).size() == 80);
  for (const char c : safeFileName("tab\there\nnew line/and\\back")) {
    const bool fine =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    CHECK(fine);
  }
}
