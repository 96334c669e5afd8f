// The server end to end, in process: serve() on a loopback port in a thread, and a small
// blocking socket client, so each test sees the bytes a browser would.
#include "http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <future>
#include <latch>
#include <map>
#include <optional>
#include <thread>
#include <vector>

namespace toasoan::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A blocking client connection with a receive timeout, so a broken server fails a test
// instead of hanging it.
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }
  void send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  // Reads until `needle` has arrived (true) or the connection ends or times out (false).
  bool read_until(std::string_view needle) {
    while (received_.find(needle) == std::string::npos)
      if (!read_some()) return false;
    return true;
  }
  // Reads until the server closes the connection.
  std::string read_all() {
    while (read_some()) {
    }
    return received_;
  }
  const std::string& received() const { return received_; }

 private:
  bool read_some() {
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    received_.append(buf, static_cast<std::size_t>(n));
    return true;
  }
  int fd_ = -1;
  bool connected_ = false;
  std::string received_;
};

struct Parsed {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                             // de-chunked
  bool ended_with_last_chunk = false;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Parses one response as sent by the server (status line, headers, then a body framed by
// Content-Length, by chunks, or by the end of the connection).
Parsed parse(const std::string& raw) {
  Parsed p;
  auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos || raw.size() < 12) return p;
  p.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    auto eol = raw.find("\r\n", pos);
    auto colon = raw.find(':', pos);
    p.headers[lower(raw.substr(pos, colon - pos))] = raw.substr(colon + 2, eol - colon - 2);
    pos = eol + 2;
  }
  std::string rest = raw.substr(end + 4);
  if (p.headers["transfer-encoding"] == "chunked") {
    std::size_t at = 0;
    for (;;) {
      auto eol = rest.find("\r\n", at);
      if (eol == std::string::npos) break;
      std::size_t size = std::stoul(rest.substr(at, eol - at), nullptr, 16);
      if (size == 0) {
        p.ended_with_last_chunk = rest.compare(eol, 4, "\r\n\r\n") == 0;
        break;
      }
      p.body += rest.substr(eol + 2, size);
      at = eol + 2 + size + 2;
    }
  } else if (p.headers.count("content-length")) {
    p.body = rest.substr(0, std::stoul(p.headers["content-length"]));
  } else {
    p.body = rest;
  }
  return p;
}

// serve() running in a thread for one test; stopped (and joined) at the end.
class TestServer {
 public:
  Router router;
  ServerOptions options;

  TestServer() {
    options.listen = "127.0.0.1:0";
    options.threads = 2;
    options.access_log = false;
    options.stop = std::make_shared<StopSource>();
  }
  ~TestServer() { stop(); }

  void start() {
    std::promise<int> port;
    auto listening = port.get_future();
    options.on_listening = [&port](const std::string& address) {
      port.set_value(std::stoi(address.substr(address.rfind(':') + 1)));
    };
    thread_ = std::thread([this] { result_.emplace(serve(options, router)); });
    ASSERT_EQ(listening.wait_for(5s), std::future_status::ready);
    port_ = listening.get();
  }
  // Asks for the drain and waits for serve() to return; the time it took.
  std::chrono::milliseconds stop() {
    auto t0 = Clock::now();
    if (thread_.joinable()) {
      options.stop->request_stop();
      thread_.join();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0);
  }
  int port() const { return port_; }
  bool returned_ok() const { return result_ && result_->ok(); }

  Parsed request(const std::string& raw) {
    Client c(port_);
    c.send(raw);
    return parse(c.read_all());
  }

 private:
  std::thread thread_;
  std::optional<Status> result_;
  int port_ = 0;
};

std::string post(std::string_view path, const std::string& body) {
  return "POST " + std::string(path) + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string get(std::string_view path, std::string_view extra = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" + std::string(extra) + "\r\n";
}

TEST(Server, BodyLimitIsChosenPerRoute) {
  TestServer s;
  auto size = [](Request& req, Response& res) { res.body = std::to_string(req.body.size()); };
  s.router.add("POST", "/small", size, {.body_limit = 1024});
  s.router.add("POST", "/big", size, {.body_limit = 1024 * 1024});
  s.start();
  std::string body(2048, 'x');
  EXPECT_EQ(s.request(post("/small", body)).status, 413);
  Parsed big = s.request(post("/big", body));
  EXPECT_EQ(big.status, 200);
  EXPECT_EQ(big.body, "2048");
}

TEST(Server, ChunkedBodyCutOffAtTheRouteLimitIs413) {
  TestServer s;
  s.router.add("POST", "/small", [](Request&, Response&) {}, {.body_limit = 1024});
  s.start();
  std::string chunk(800, 'y');
  std::string raw = "POST /small HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "320\r\n" + chunk + "\r\n";
  raw += "0\r\n\r\n";
  EXPECT_EQ(s.request(raw).status, 413);
}

TEST(Server, BodyToFileDeliversTheBytesAndRemovesTheFileAfterwards) {
  TestServer s;
  std::filesystem::path seen;
  s.router.add(
      "POST", "/upload",
      [&seen](Request& req, Response& res) {
        seen = req.body_file;
        std::ifstream in(req.body_file, std::ios::binary);
        res.body.assign(std::istreambuf_iterator<char>(in), {});
        auto perms = std::filesystem::status(req.body_file).permissions();
        if ((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) !=
            std::filesystem::perms::none)
          res.status = 500;
      },
      {.body_limit = 4 << 20, .body_to_file = true});
  s.start();
  std::string body;
  for (int i = 0; i < 300000; ++i) body.push_back(static_cast<char>('a' + i % 26));
  Parsed p = s.request(post("/upload", body));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, body);
  ASSERT_FALSE(seen.empty());
  EXPECT_FALSE(std::filesystem::exists(seen)) << seen;
}

TEST(Server, FillsRemoteAndPathParams) {
  TestServer s;
  s.router.add("GET", "/articles/{id}", [](Request& req, Response& res) {
    res.body = std::string(req.remote) + " " + std::string(req.param("id"));
  });
  s.start();
  EXPECT_EQ(s.request(get("/articles/42")).body, "127.0.0.1 42");
}

TEST(Server, WrongMethodIs405WithAllow) {
  TestServer s;
  s.router.add("GET", "/feed", [](Request&, Response&) {});
  s.start();
  Parsed p = s.request(post("/feed", "x"));
  EXPECT_EQ(p.status, 405);
  EXPECT_EQ(p.headers["allow"], "GET, HEAD");
}

TEST(Server, StreamDeliversChunksWrittenFromAnotherThreadAndEndsWithTheLastChunk) {
  TestServer s;
  std::thread producer;
  std::atomic<bool> closed_seen{false};
  s.router.add("GET", "/events", [&](Request&, Response& res) {
    res.content_type = "text/event-stream";
    res.stream = std::make_shared<Stream>();
    res.stream->on_close([&closed_seen] { closed_seen = true; });
    producer = std::thread([st = res.stream] {
      for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(20ms);
        st->write("data: " + std::to_string(i) + "\n\n");
      }
      st->close();
    });
  });
  s.start();
  Parsed p = s.request(get("/events"));
  producer.join();
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.headers["transfer-encoding"], "chunked");
  EXPECT_EQ(p.headers["content-type"], "text/event-stream");
  EXPECT_EQ(p.body, "data: 0\n\ndata: 1\n\ndata: 2\n\n");
  EXPECT_TRUE(p.ended_with_last_chunk);
  EXPECT_TRUE(closed_seen);
}

TEST(Server, StreamOpenAtShutdownIsEndedCleanlyAndServeReturnsPromptly) {
  TestServer s;
  std::shared_ptr<Stream> stream;
  std::atomic<bool> closed_seen{false};
  std::mutex m;
  s.router.add(
      "GET", "/events",
      [&](Request&, Response& res) {
        res.stream = std::make_shared<Stream>();
        res.stream->on_close([&closed_seen] { closed_seen = true; });
        res.stream->write("data: hello\n\n");
        std::lock_guard lock(m);
        stream = res.stream;
      },
      {.worker = false});
  s.start();
  Client c(s.port());
  c.send(get("/events"));
  ASSERT_TRUE(c.read_until("data: hello"));
  auto took = s.stop();
  EXPECT_LT(took, 1000ms);
  EXPECT_TRUE(s.returned_ok());
  Parsed p = parse(c.read_all());
  EXPECT_EQ(p.body, "data: hello\n\n");
  EXPECT_TRUE(p.ended_with_last_chunk);
  std::lock_guard lock(m);
  ASSERT_TRUE(stream);
  EXPECT_TRUE(stream->closed());
  EXPECT_FALSE(stream->write("data: late\n\n"));
  EXPECT_TRUE(closed_seen);
}

// What an operator's `kill` or systemd's stop does: the same drain, started by the signal.
TEST(Server, StreamOpenAtSigtermIsEndedCleanlyAndServeReturnsPromptly) {
  TestServer s;
  s.router.add(
      "GET", "/events",
      [](Request&, Response& res) {
        res.stream = std::make_shared<Stream>();
        res.stream->write("data: hello\n\n");
      },
      {.worker = false});
  s.start();
  Client c(s.port());
  c.send(get("/events"));
  ASSERT_TRUE(c.read_until("data: hello"));
  auto t0 = Clock::now();
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);  // serve() handles it while it runs
  Parsed p = parse(c.read_all());
  EXPECT_LT(Clock::now() - t0, 1000ms);
  EXPECT_EQ(p.body, "data: hello\n\n");
  EXPECT_TRUE(p.ended_with_last_chunk);
  s.stop();
  EXPECT_TRUE(s.returned_ok());
}

TEST(Server, ClientThatHangsUpClosesTheStream) {
  TestServer s;
  std::promise<std::shared_ptr<Stream>> made;
  std::atomic<bool> closed_seen{false};
  s.router.add("GET", "/events", [&](Request&, Response& res) {
    res.stream = std::make_shared<Stream>();
    res.stream->on_close([&closed_seen] { closed_seen = true; });
    res.stream->write("data: hello\n\n");
    made.set_value(res.stream);
  });
  s.start();
  auto stream_future = made.get_future();
  {
    Client c(s.port());
    c.send(get("/events"));
    ASSERT_TRUE(c.read_until("data: hello"));
  }
  auto stream = stream_future.get();
  auto deadline = Clock::now() + 2s;
  while (!closed_seen && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  EXPECT_TRUE(closed_seen);
  EXPECT_TRUE(stream->closed());
  EXPECT_FALSE(stream->write("data: nobody\n\n"));
}

TEST(Server, FullWorkerPoolAnswers503AtOnceWhileTheFastPathStillAnswers) {
  TestServer s;
  s.options.workers = 1;
  s.options.worker_queue = 1;
  std::latch release(1);
  std::atomic<int> started{0};
  s.router.add("GET", "/slow", [&](Request&, Response& res) {
    ++started;
    release.wait();
    res.body = "slow";
  });
  s.router.fast_path([](const Request& req, Response& res) {
    if (req.path != "/cached") return false;
    res.body = "cached";
    return true;
  });
  s.router.fallback([](Request&, Response& res) { res.status = 404; });
  s.start();

  Client running(s.port()), queued(s.port());
  running.send(get("/slow"));
  auto deadline = Clock::now() + 2s;
  while (started == 0 && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(started, 1);
  queued.send(get("/slow"));
  std::this_thread::sleep_for(100ms);  // time for the server to read it and queue it

  auto t0 = Clock::now();
  Parsed refused = s.request(get("/slow"));
  auto took = Clock::now() - t0;
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.headers["retry-after"], "1");
  EXPECT_LT(took, 100ms);

  Parsed cached = s.request(get("/cached"));
  EXPECT_EQ(cached.status, 200);
  EXPECT_EQ(cached.body, "cached");

  release.count_down();
  EXPECT_EQ(parse(running.read_all()).body, "slow");
  EXPECT_EQ(parse(queued.read_all()).body, "slow");
}

class FileBodyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("toasoan-file-body-" + std::to_string(::getpid()));
    for (int i = 0; i < 200 * 1024; ++i) content_.push_back(static_cast<char>(i % 251));
    std::ofstream(path_, std::ios::binary) << content_;
    server_.router.add("GET", "/video", [this](Request&, Response& res) {
      res.content_type = "video/mp4";
      res.set_header("ETag", "\"v1\"");
      res.file = FileBody{path_, content_.size()};
    });
    server_.start();
  }
  void TearDown() override {
    server_.stop();
    std::filesystem::remove(path_);
  }
  std::filesystem::path path_;
  std::string content_;
  TestServer server_;
};

TEST_F(FileBodyTest, WholeFileIsSentWithAcceptRanges) {
  Parsed p = server_.request(get("/video"));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.headers["accept-ranges"], "bytes");
  EXPECT_EQ(p.body, content_);
}

TEST_F(FileBodyTest, RangeIsAnswered206WithTheRightBytes) {
  Parsed p = server_.request(get("/video", "Range: bytes=100000-170000\r\n"));
  EXPECT_EQ(p.status, 206);
  EXPECT_EQ(p.headers["content-range"], "bytes 100000-170000/204800");
  EXPECT_EQ(p.body, content_.substr(100000, 70001));
  Parsed tail = server_.request(get("/video", "Range: bytes=-10\r\n"));
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, content_.substr(content_.size() - 10));
}

TEST_F(FileBodyTest, UnsatisfiableRangeIs416WithTheSize) {
  Parsed p = server_.request(get("/video", "Range: bytes=300000-\r\n"));
  EXPECT_EQ(p.status, 416);
  EXPECT_EQ(p.headers["content-range"], "bytes */204800");
}

TEST_F(FileBodyTest, IfRangeWithAStaleEtagGetsTheWholeFile) {
  Parsed p = server_.request(get("/video", "Range: bytes=0-9\r\nIf-Range: \"v0\"\r\n"));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body.size(), content_.size());
}

TEST_F(FileBodyTest, HeadSendsOnlyTheHeaders) {
  Parsed p = server_.request("HEAD /video HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.headers["content-length"], std::to_string(content_.size()));
  EXPECT_TRUE(p.body.empty());
}

// Every response in `raw`, in order (bodies framed by Content-Length, as these tests send them).
std::vector<Parsed> parse_all(const std::string& raw) {
  std::vector<Parsed> out;
  std::size_t at = 0;
  while (at < raw.size()) {
    auto end = raw.find("\r\n\r\n", at);
    if (end == std::string::npos) break;
    Parsed head = parse(raw.substr(at, end + 4 - at));
    std::size_t length = head.headers.count("content-length") ? std::stoul(head.headers["content-length"]) : 0;
    out.push_back(parse(raw.substr(at, end + 4 + length - at)));
    at = end + 4 + length;
  }
  return out;
}

std::string get_keep_alive(std::string_view path) { return "GET " + std::string(path) + " HTTP/1.1\r\nHost: t\r\n\r\n"; }

// Answers /n/{id} with the id, so each client can check it got its own answers in order.
void add_echo_route(Router& router, bool worker) {
  router.add(
      "GET", "/n/{id}", [](Request& req, Response& res) { res.body = std::string(req.param("id")); },
      {.worker = worker});
}

std::vector<std::string> bodies(const std::vector<Parsed>& responses) {
  std::vector<std::string> out;
  for (const auto& p : responses) out.push_back(p.body);
  return out;
}

// The I/O thread is stuck in a handler when the stop comes: requests sit unread in the kernel,
// pipelined behind the stuck one, on a kept-alive connection, and on a connection still in the
// listen backlog. Each is answered, the last answer on each connection says Connection: close,
// and only the connection that sent nothing is closed without a word.
TEST(Server, RequestsThatArrivedBeforeTheStopAreAnsweredThenTheConnectionsClose) {
  TestServer s;
  s.options.threads = 1;
  std::latch release(1);
  std::atomic<bool> holding{false};
  s.router.add(
      "GET", "/hold",
      [&](Request&, Response& res) {
        holding = true;
        release.wait();
        res.body = "hold";
      },
      {.worker = false});
  add_echo_route(s.router, false);
  s.start();

  Client kept(s.port()), silent(s.port()), pipelined(s.port());
  kept.send(get_keep_alive("/n/e0"));
  ASSERT_TRUE(kept.read_until("e0"));
  ASSERT_TRUE(silent.connected());
  pipelined.send(get_keep_alive("/hold") + get_keep_alive("/n/a1") + get_keep_alive("/n/a2"));
  auto deadline = Clock::now() + 2s;
  while (!holding && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(holding);

  Client late(s.port());  // accepted by the kernel only: the server's one thread is stuck
  late.send(get_keep_alive("/n/b1") + get_keep_alive("/n/b2"));
  kept.send(get_keep_alive("/n/e1"));
  std::this_thread::sleep_for(50ms);  // the bytes reach the server's kernel buffers

  std::thread stopper([&s] { s.stop(); });
  std::this_thread::sleep_for(50ms);
  release.count_down();

  auto a = parse_all(pipelined.read_all());
  auto b = parse_all(late.read_all());
  auto e = parse_all(kept.read_all());
  std::string nothing = silent.read_all();
  stopper.join();

  EXPECT_EQ(bodies(a), (std::vector<std::string>{"hold", "a1", "a2"}));
  EXPECT_EQ(bodies(b), (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(bodies(e), (std::vector<std::string>{"e0", "e1"}));
  for (const auto* answers : {&a, &b, &e}) {
    ASSERT_FALSE(answers->empty());
    EXPECT_EQ(answers->back().headers.at("connection"), "close");
  }
  EXPECT_EQ(nothing, "");
  EXPECT_TRUE(s.returned_ok());
}

// The workers are busy when the stop comes: requests queued for them and requests pipelined
// behind them are answered all the same.
TEST(Server, RequestsWaitingForABusyWorkerOrPipelinedBehindOneAreAnsweredAtShutdown) {
  TestServer s;
  s.options.workers = 1;
  std::latch release(1);
  std::atomic<bool> holding{false};
  s.router.add("GET", "/slow", [&](Request&, Response& res) {
    holding = true;
    release.wait();
    res.body = "slow";
  });
  add_echo_route(s.router, true);
  s.start();

  Client pipelined(s.port());
  pipelined.send(get_keep_alive("/slow") + get_keep_alive("/n/a1") + get_keep_alive("/n/a2"));
  auto deadline = Clock::now() + 2s;
  while (!holding && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(holding);
  std::vector<std::unique_ptr<Client>> queued;
  for (int i = 0; i < 4; ++i) {
    queued.push_back(std::make_unique<Client>(s.port()));
    queued.back()->send(get_keep_alive("/n/q" + std::to_string(i)));
  }
  std::this_thread::sleep_for(50ms);

  std::thread stopper([&s] { s.stop(); });
  std::this_thread::sleep_for(50ms);
  release.count_down();

  EXPECT_EQ(bodies(parse_all(pipelined.read_all())), (std::vector<std::string>{"slow", "a1", "a2"}));
  for (int i = 0; i < 4; ++i) {
    auto answers = parse_all(queued[static_cast<std::size_t>(i)]->read_all());
    EXPECT_EQ(bodies(answers), std::vector<std::string>{"q" + std::to_string(i)});
    if (!answers.empty()) {
      EXPECT_EQ(answers.back().headers["connection"], "close");
    }
  }
  stopper.join();
  EXPECT_TRUE(s.returned_ok());
}

// A client that sends Expect: 100-continue waits for the interim answer before sending the
// body; a server that forgot it would leave the upload hanging until the read timeout.
TEST(Server, ExpectContinueIsAnsweredAtOnceAndTheBodyThenRead) {
  TestServer s;
  s.router.add("POST", "/upload", [](Request& req, Response& res) { res.body = "got " + std::string(req.body); });
  s.start();
  Client c(s.port());
  auto t0 = Clock::now();
  c.send("POST /upload HTTP/1.1\r\nHost: t\r\nConnection: close\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  ASSERT_TRUE(c.read_until("\r\n\r\n"));
  EXPECT_LT(Clock::now() - t0, 1000ms);
  EXPECT_TRUE(c.received().starts_with("HTTP/1.1 100 Continue\r\n\r\n"));
  c.send("hello");
  std::string raw = c.read_all();
  Parsed p = parse(raw.substr(raw.find("\r\n\r\n") + 4));
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "got hello");
}

TEST(Server, ExpectContinueWithNoBodyGetsTheFinalAnswerAtOnce) {
  TestServer s;
  s.router.add("POST", "/upload", [](Request& req, Response& res) { res.body = "got " + std::string(req.body); });
  s.start();
  auto t0 = Clock::now();
  Parsed p = s.request("POST /upload HTTP/1.1\r\nHost: t\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_LT(Clock::now() - t0, 1000ms);
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "got ");
}

TEST(Server, UnknownExpectationIs417AtOnce) {
  TestServer s;
  s.router.add("POST", "/upload", [](Request&, Response& res) { res.body = "ran"; });
  s.start();
  auto t0 = Clock::now();
  Parsed p = s.request("POST /upload HTTP/1.1\r\nHost: t\r\nExpect: 200-ok\r\nContent-Length: 5\r\n\r\n");
  EXPECT_LT(Clock::now() - t0, 1000ms);
  EXPECT_EQ(p.status, 417);
}

TEST(Server, ALongUrlIs414AndLongHeadersAre431) {
  TestServer s;
  s.router.add("GET", "/{*rest}", [](Request&, Response& res) { res.body = "ok"; });
  s.start();
  // Within the header limit as a whole, but over the target limit.
  EXPECT_EQ(s.request(get("/" + std::string(9 * 1024, 'a'))).status, 414);
  // Over the header limit, and the request line alone over the target limit.
  EXPECT_EQ(s.request(get("/" + std::string(20 * 1024, 'a'))).status, 414);
  EXPECT_EQ(s.request(get("/", "Cookie: " + std::string(20 * 1024, 'c') + "\r\n")).status, 431);
  EXPECT_EQ(s.request(get("/" + std::string(4 * 1024, 'a'))).status, 200);
}

TEST(Server, StopRequestedWithNothingOpenReturnsAtOnce) {
  TestServer s;
  s.start();
  EXPECT_LT(s.stop(), 1000ms);
  EXPECT_TRUE(s.returned_ok());
}

// Hands each request's Deferred to the test, which finishes it from a thread of its own, as
// the comments' inbox does after writing a batch.
struct DeferredPile {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::shared_ptr<Deferred>> waiting;

  void add(Response& res) {
    res.deferred = std::make_shared<Deferred>();
    std::lock_guard lock(mutex);
    waiting.push_back(res.deferred);
    arrived.notify_all();
  }
  // Waits until `n` have come (false after 5 s), and takes them.
  bool take(std::size_t n, std::vector<std::shared_ptr<Deferred>>& out) {
    std::unique_lock lock(mutex);
    if (!arrived.wait_for(lock, 5s, [&] { return waiting.size() >= n; })) return false;
    out.swap(waiting);
    waiting.clear();
    return true;
  }
};

Response text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

TEST(Server, DeferredResponseFinishedByAnotherThreadArrivesWhileTheThreadServesOthers) {
  TestServer s;
  s.options.threads = 1;
  s.options.workers = 1;
  DeferredPile pile;
  s.router.add("POST", "/comments", [&](Request&, Response& res) { pile.add(res); });
  s.router.add("GET", "/other", [](Request&, Response& res) { res.body = "other"; });
  s.router.add("GET", "/io", [](Request&, Response& res) { res.body = "io"; }, {.worker = false});
  s.start();

  Client poster(s.port());
  auto t0 = Clock::now();
  poster.send(post("/comments", "hello"));
  std::vector<std::shared_ptr<Deferred>> got;
  ASSERT_TRUE(pile.take(1, got));
  std::thread inbox([d = got[0]] {
    std::this_thread::sleep_for(200ms);
    Response r = text(201, "{\"id\": 7}");
    r.set_header("Location", "/c/7");
    EXPECT_TRUE(d->finish(std::move(r)));
    EXPECT_FALSE(d->finish(text(500, "twice")));
  });
  // The only worker and the only I/O thread are free while the comment waits.
  Parsed other = s.request(get("/other"));
  Parsed io = s.request(get("/io"));
  auto others_took = Clock::now() - t0;
  Parsed posted = parse(poster.read_all());
  auto posted_took = Clock::now() - t0;
  inbox.join();

  EXPECT_EQ(other.body, "other");
  EXPECT_EQ(io.body, "io");
  EXPECT_EQ(posted.status, 201);
  EXPECT_EQ(posted.body, "{\"id\": 7}");
  EXPECT_EQ(posted.headers["location"], "/c/7");
  EXPECT_EQ(posted.headers["content-type"], "text/plain; charset=utf-8");
#ifndef TOASOAN_SANITIZED
  EXPECT_LT(others_took, 150ms);
#endif
  EXPECT_GE(posted_took, 200ms);
}

TEST(Server, DeferredResponsesKeepTheConnectionAlive) {
  TestServer s;
  DeferredPile pile;
  s.router.add("GET", "/later", [&](Request&, Response& res) { pile.add(res); }, {.worker = false});
  s.start();
  Client c(s.port());
  for (int i = 0; i < 3; ++i) {
    c.send(get_keep_alive("/later"));
    std::vector<std::shared_ptr<Deferred>> got;
    ASSERT_TRUE(pile.take(1, got));
    got[0]->finish(text(200, "answer" + std::to_string(i)));
    ASSERT_TRUE(c.read_until("answer" + std::to_string(i)));
  }
  auto answers = parse_all(c.received());
  EXPECT_EQ(bodies(answers), (std::vector<std::string>{"answer0", "answer1", "answer2"}));
}

TEST(Server, AHundredDeferredResponsesFinishedInOneGoAreAllAnswered) {
  TestServer s;
  DeferredPile pile;
  s.router.add("POST", "/comments", [&](Request& req, Response& res) {
    pile.add(res);
    res.body = std::string(req.body);  // ignored: the Deferred's response is sent
  });
  s.start();
  constexpr int kClients = 100;
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<Client>(s.port()));
    clients.back()->send(post("/comments", std::to_string(i)));
  }
  std::vector<std::shared_ptr<Deferred>> batch;
  ASSERT_TRUE(pile.take(kClients, batch));
  std::thread inbox([&batch] {
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->finish(text(201, "ok"));
  });
  int answered = 0;
  for (auto& c : clients) {
    Parsed p = parse(c->read_all());
    if (p.status == 201 && p.body == "ok") ++answered;
  }
  inbox.join();
  EXPECT_EQ(answered, kClients);
}

TEST(Server, DeferredResponseNeverFinishedIs503AfterTheLimitAndALateFinishIsRefused) {
  TestServer s;
  s.options.limits.deferred = 1s;
  s.options.access_log = true;  // the 503 goes through the access log's path too
  DeferredPile pile;
  s.router.add("GET", "/stuck", [&](Request&, Response& res) { pile.add(res); });
  s.start();
  auto t0 = Clock::now();
  Client c(s.port());
  c.send(get("/stuck"));
  std::vector<std::shared_ptr<Deferred>> got;
  ASSERT_TRUE(pile.take(1, got));
  Parsed p = parse(c.read_all());
  auto took = Clock::now() - t0;
  EXPECT_EQ(p.status, 503);
  EXPECT_EQ(p.headers["retry-after"], "1");
  EXPECT_GE(took, 1s);
#ifndef TOASOAN_SANITIZED
  EXPECT_LT(took, 2s);
#endif
  EXPECT_TRUE(got[0]->done());
  EXPECT_FALSE(got[0]->finish(text(201, "too late")));
}

TEST(Server, DeferredFinishedAfterTheClientHungUpIsHarmless) {
  TestServer s;
  DeferredPile pile;
  s.router.add("POST", "/comments", [&](Request&, Response& res) { pile.add(res); });
  s.router.add("GET", "/alive", [](Request&, Response& res) { res.body = "alive"; });
  s.start();
  std::vector<std::shared_ptr<Deferred>> got;
  {
    Client c(s.port());
    c.send(post("/comments", "bye"));
    ASSERT_TRUE(pile.take(1, got));
  }
  std::this_thread::sleep_for(50ms);  // the hang-up reaches the server
  EXPECT_TRUE(got[0]->finish(text(201, std::string(256 * 1024, 'x'))));
  EXPECT_EQ(s.request(get("/alive")).body, "alive");
  s.stop();
  EXPECT_TRUE(s.returned_ok());
  // And after the server itself is gone.
  auto orphan = std::make_shared<Deferred>();
  EXPECT_TRUE(orphan->finish(text(200, "nobody")));
}

TEST(Server, DeferredResponseWaitingAtShutdownIsAwaitedAndSaysConnectionClose) {
  TestServer s;
  DeferredPile pile;
  s.router.add("GET", "/later", [&](Request&, Response& res) { pile.add(res); });
  s.start();
  Client c(s.port());
  c.send(get_keep_alive("/later"));
  std::vector<std::shared_ptr<Deferred>> got;
  ASSERT_TRUE(pile.take(1, got));
  std::thread stopper([&s] { s.stop(); });
  std::this_thread::sleep_for(200ms);  // the drain has begun and waits for the answer
  EXPECT_TRUE(got[0]->finish(text(201, "saved")));
  Parsed p = parse(c.read_all());
  stopper.join();
  EXPECT_EQ(p.status, 201);
  EXPECT_EQ(p.body, "saved");
  EXPECT_EQ(p.headers["connection"], "close");
  EXPECT_TRUE(s.returned_ok());
}

}  // namespace
}  // namespace toasoan::http
