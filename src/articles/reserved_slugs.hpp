// The first path segments the site keeps for itself (site/routes.cpp), which no category may
// take as its slug: a category "Media" would otherwise get /media/, which the site serves as
// files, and its pages would answer 404 while menus link to them. The list lives here, below
// both the store (which gives categories their slugs) and the site (which routes them), so the
// two read one list; routes_test checks that every prefix the router knows is in it.
//
// Thread-safety: constants and a pure function; safe from any thread.
#pragma once

#include <array>
#include <string_view>

namespace toasoan::articles {

// Taken now or kept for what the site will serve: search, the newsroom, feeds, metrics.
// Names with a dot cannot be slugs (text::slugify keeps [a-z0-9-]) and are listed so that the
// list reads as the site's own; /sitemap….xml never ends in "/" as a category path does, so
// only the bare "sitemap" and "sitemaps" are kept, for an index folder should the site need one.
inline constexpr std::array<std::string_view, 19> kReservedSlugs = {
    "media",       "static",      "rss",     "api",      "tim-kiem", "toa-soan", "metrics",
    "feeds",       "tin-moi-nhat", "sitemap", "sitemaps", "tag",      "tac-gia",  "healthz",
    "admin",       "login",       "robots.txt", "favicon.ico", "sitemap.xml",
};

// True for a slug a category cannot have.
constexpr bool is_reserved_slug(std::string_view slug) {
  for (auto r : kReservedSlugs)
    if (r == slug) return true;
  return false;
}

}  // namespace toasoan::articles
