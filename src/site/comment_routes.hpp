// Readers' comments, the writing side (docs/api.md, "Reader comments"): posting with JavaScript
// (JSON) and without (a plain form that comes back to the article), likes and reports once per
// browser, and the live stream of approved comments. Reading the approved comments is the page's
// and the list API's (comments_view, api.cpp).
//
// A posted comment is checked here (comments/rules.hpp) and then waits in the inbox for the
// next group commit; the answer goes out only once the comment is on disk, from the inbox's
// thread, through a deferred response, so no thread waits for the disk on the reader's behalf.
//
// Thread-safety: the handlers run on every I/O and worker thread at once; what ReaderComments
// holds must be thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "comments/inbox.hpp"
#include "comments/rules.hpp"
#include "http/router.hpp"
#include "store/comments.hpp"

namespace toasoan::site {

inline constexpr std::string_view kReaderCookie = "toasoan_reader";

struct ReaderComments {
  comments::Inbox& inbox;
  store::Comments& store;
  // The disallowed words now (an admin setting every node follows).
  std::function<std::shared_ptr<const comments::DisallowedWords>()> words;
  // The client's address, through trusted proxies.
  std::function<std::string(const http::Request&)> address;
  // The site's origin ("https://baodoimay.vn"): likes and reports from another origin are refused.
  std::function<std::string()> public_url;
  // Opens an article's live stream, resuming after the given event id.
  std::function<std::shared_ptr<http::Stream>(std::int64_t, std::optional<std::uint64_t>)> stream;
  int report_threshold = 3;
  // Answers a GET the reading site serves (the comment list shares its address with posting,
  // so the router sends that GET here rather than to the site's fallback).
  std::function<void(http::Request&, http::Response&)> read;
};

void add_comment_routes(http::Router& router, const ReaderComments& c);

}  // namespace toasoan::site
