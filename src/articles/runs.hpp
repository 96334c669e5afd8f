// Inline runs (bold, italic, links inside a paragraph, heading, quote or list item): which link
// addresses an article may carry, and the one form runs are kept in, so every parser, the store
// and the JSON writer agree on what a body is (article.hpp says what that form is).
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "articles/article.hpp"

namespace toasoan::articles {

// True for an address a reader may follow: http://, https:// or mailto: (the scheme in any
// case) with something after it, valid UTF-8 of at most limits::kLinkBytes, and no control
// character, space or invisible formatting character anywhere (a link that hides part of
// itself is a phishing tool). javascript:, data:, vbscript:, relative paths and a scheme with
// a space before it are all refused.
bool allowed_link(std::string_view link);

// The plain text of runs: their texts joined.
std::string runs_text(const std::vector<Run>& runs);

// True when some run is bold, italic or a link.
bool any_marked(const std::vector<Run>& runs);

// Puts runs in their one form: each text without the control characters XML refuses and in
// NFC when `clean` (text from outside; the store's was cleaned before it was written), runs
// with the same marks next to each other joined, empty ones dropped. Returns false when the
// joined texts would not be NFC: a run that starts with a combining mark meant for the letter
// at the end of the previous one (the text is still cleaned and joined).
bool canonicalise_runs(std::vector<Run>& runs, bool clean);

// The list items' texts joined by "\n": a list block's `text`.
std::string list_text(const std::vector<std::vector<Run>>& items);

}  // namespace toasoan::articles
