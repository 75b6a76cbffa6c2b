// A one-line progress display for long test runs (soaks): on stderr, only
// when stderr is a terminal and CI is unset, at most twice a second. Under
// CTest, in CI and in a pipe it prints nothing, so logs keep only results.
// The same convention as scripts/progress.py and vmq-sim --progress auto.
//
//   Progress p("sorter soak", frames, "frames");
//   for (...) { ...; p.update(sent); }
//   p.done();
#pragma once

#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace vmq::tb {

class Progress {
 public:
  Progress(std::string what, uint64_t total, std::string unit)
      : what_(std::move(what)), unit_(std::move(unit)), total_(total),
        on_(isatty(fileno(stderr)) && std::getenv("CI") == nullptr), t0_(Clock::now()), last_(t0_) {}
  ~Progress() { done(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Cheap enough for every iteration: looks at the clock every 256 calls.
  void update(uint64_t n) {
    if (!on_ || (++calls_ & 255) != 0) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - t0_).count();
    const double rate = s > 0 ? double(n) / s : 0;
    const double left = rate > 0 && total_ > n ? double(total_ - n) / rate : 0;
    fmt::print(stderr, "\r\x1b[K{}: {}/{} {} ({:.0f} %), {:.0f} {}/s, {:.0f} s left", what_, n, total_, unit_,
               total_ ? 100.0 * double(n) / double(total_) : 0.0, rate, unit_, left);
    std::fflush(stderr);
    shown_ = true;
  }
  // Clears the line (the results follow on stdout).
  void done() {
    if (!shown_) return;
    fmt::print(stderr, "\r\x1b[K");
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string what_, unit_;
  uint64_t total_, calls_ = 0;
  bool on_, shown_ = false;
  Clock::time_point t0_, last_;
};

}  // namespace vmq::tb
