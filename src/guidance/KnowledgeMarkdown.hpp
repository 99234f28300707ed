#pragma once
// The knowledge table as a reader sees it: Markdown tables of depths by site and indication,
// intervals by depth, courses, contraindications, pigmentation advice and thresholds, each row
// with its source and grade. What `dermasim guidance` prints.
//
//   std::fputs(knowledgeMarkdown(knowledgeTable()).c_str(), stdout);

#include <string>

#include "guidance/KnowledgeTable.hpp"

namespace dermasim {

std::string knowledgeMarkdown(const KnowledgeTable& table);

}  // namespace dermasim
