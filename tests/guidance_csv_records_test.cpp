// The guidance tables' CSV reader: quoting, comments, records by column, and every malformed
// row named by its line.

#include <catch2/catch.hpp>
#include <stdexcept>

#include "guidance/CsvRecords.hpp"

using namespace dermasim;

TEST_CASE("CSV records: quoted fields, doubled quotes, comments and CRLF", "[csv]") {
  const auto records = parseCsvRecords(
      "# a comment\r\nname,note,hours\r\n\nplain,\"a, b\",24\r\n# between\nq,\"say "
      "\"\"hi\"\"\",1.5\n",
      "t.csv");
  REQUIRE(records.size() == 2);
  CHECK(records[0].text("name") == "plain");
  CHECK(records[0].text("note") == "a, b");
  CHECK(records[0].number("hours") == 24.0);
  CHECK(records[0].line() == 4);
  CHECK(records[1].text("note") == "say \"hi\"");
  CHECK(records[1].number("hours") == 1.5);
}

TEST_CASE("CSV records: bad rows and fields are named by table and line", "[csv]") {
  CHECK_THROWS_WITH(parseCsvRecords("a,b\n1,2,3\n", "t.csv"),
                    Catch::Contains("t.csv:2") && Catch::Contains("3 fields"));
  CHECK_THROWS_WITH(parseCsvRecords("a,b\n\"1,2\n", "t.csv"), Catch::Contains("quote"));
  const auto records = parseCsvRecords("a,b\nx,\n", "t.csv");
  CHECK_THROWS_WITH(records[0].text("b"), Catch::Contains("t.csv:2: b is empty"));
  CHECK(records[0].text("b", false).empty());
  CHECK_THROWS_WITH(records[0].number("a"), Catch::Contains("not a number"));
  CHECK_THROWS_WITH(records[0].text("c"), Catch::Contains("no column c"));
}
