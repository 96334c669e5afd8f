#include "render/html.hpp"

namespace toasoan::render {

void escape(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.data() + start, i - start);
    out.append(entity);
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

Html& Html::json_script(std::string_view json) {
  for (char c : json) {
    switch (c) {
      case '<': out_.append("\\u003c"); break;
      case '>': out_.append("\\u003e"); break;
      case '&': out_.append("\\u0026"); break;
      default: out_.push_back(c);
    }
  }
  return *this;
}

}  // namespace toasoan::render
