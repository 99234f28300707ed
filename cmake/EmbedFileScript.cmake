# Writes HEADER and SOURCE with the contents of FILES as raw bytes (hex), keyed by file name.
file(WRITE ${HEADER} "#pragma once\n#include <optional>\n#include <string_view>\n#include <vector>\n"
  "namespace ${NS}_embedded {\n"
  "struct File { std::string_view name; std::string_view contents; };\n"
  "const std::vector<File>& files();\n"
  "std::optional<std::string_view> find(std::string_view name);\n}\n")
set(body "#include \"${NS}_embedded.hpp\"\nnamespace ${NS}_embedded {\nnamespace {\n")
set(index 0)
set(entries "")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR bytes "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," chars "${hex}")
  string(APPEND body "constexpr char data${index}[] = {${chars} 0};\n")
  string(APPEND entries "    {\"${name}\", std::string_view(data${index}, ${bytes})},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "}\nconst std::vector<File>& files() {\n  static const std::vector<File> all{\n${entries}  };\n  return all;\n}\n"
  "std::optional<std::string_view> find(std::string_view name) {\n"
  "  for (const auto& f : files()) if (f.name == name) return f.contents;\n  return std::nullopt;\n}\n}\n")
file(WRITE ${SOURCE} "${body}")
