-- wrk script for bench/comments.sh: readers post comments to one article as fast as they are
-- acknowledged. Every request's text is new (the server refuses the same text twice on one
-- article): the run's tag, the thread and a counter. Only 202 answers count as received; the
-- others are counted by kind, so a run that is mostly refusals cannot pass for a fast one.
--
--   wrk -t2 -c64 -d10s -s bench/comments_post.lua http://127.0.0.1:PORT -- ARTICLE_ID TAG
--
-- done() prints one line for the script to read:
--   comments 202=N 409=N 429=N 5xx=N other=N

local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  article = args[1] or "1"
  tag = args[2] or tostring(os.time())
  path = "/api/v1/articles/" .. article .. "/comments"
  sent = 0
  received, duplicate, limited, failed, other = 0, 0, 0, 0, 0
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"name":"Bạn Đọc %d","email":"","content":"Bình luận đo tốc độ %s, luồng %d, số %d: bài viết rất hay.","parent_id":null,"website":""}',
    number, tag, number, sent)
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 202 then
    received = received + 1
  elseif status == 409 then
    duplicate = duplicate + 1
  elseif status == 429 then
    limited = limited + 1
  elseif status >= 500 then
    failed = failed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local sum = {received = 0, duplicate = 0, limited = 0, failed = 0, other = 0}
  for _, t in ipairs(threads) do
    for k, _ in pairs(sum) do sum[k] = sum[k] + (t:get(k) or 0) end
  end
  io.write(string.format("comments 202=%d 409=%d 429=%d 5xx=%d other=%d\n",
    sum.received, sum.duplicate, sum.limited, sum.failed, sum.other))
end
