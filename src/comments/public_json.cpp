#include "comments/public_json.hpp"

#include <nlohmann/json.hpp>

#include "text/datetime.hpp"

namespace toasoan::comments {

nlohmann::json public_json(const store::Comment& c) {
  return {{"id", c.id},
          {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json(nullptr)},
          {"name", c.name},
          {"content", c.content},
          {"created", text::format_iso8601_vn(c.created_at)},
          {"likes", c.likes},
          {"pinned", c.pinned},
          {"newsroom", c.newsroom},
          {"edited", c.edited}};
}

nlohmann::json public_json(const store::CommentThread& t) {
  auto j = public_json(t.comment);
  auto replies = nlohmann::json::array();
  for (const auto& r : t.replies) replies.push_back(public_json(r));
  j["replies"] = std::move(replies);
  return j;
}

}  // namespace toasoan::comments
