// A comment as readers' browsers receive it, in the list API and in the live stream alike
// (docs/api.md, "Reader comments"): never its email or address, the text as written (the
// browser puts it in as text, never as HTML).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "store/comments.hpp"

namespace toasoan::comments {

// {"id", "parent_id", "name", "content", "created", "likes", "pinned", "newsroom", "edited"}
nlohmann::json public_json(const store::Comment& c);
// The same with "replies": [...] (each without replies).
nlohmann::json public_json(const store::CommentThread& t);

}  // namespace toasoan::comments
