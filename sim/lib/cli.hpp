// Command lines of the vmq programs (CLI11, Debian libcli11-dev): the same
// --help and --version everywhere, and one exit code for a refused command
// line (2, as for a refused scenario), with CLI11's message naming the flag.
//
//   CLI::App app{"vmqctl: ..."};
//   vmq::cli::init(app);
//   app.add_option(...);
//   if (int rc = vmq::cli::parse(app, argc, argv); rc >= 0) return rc;
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vmq/open.hpp>
#include <vmq/version.hpp>

namespace vmq::cli {

inline void init(CLI::App& app) {
  app.set_version_flag("--version", std::string(kVersionString));
  app.get_formatter()->column_width(28);
}

// The help text of a --device option: the schemes this program knows.
inline std::string device_help() {
  std::string h = "the device (docs/driver.md \"Naming a device\"):\n" + backends_help();
  while (!h.empty() && h.back() == '\n') h.pop_back();
  return h;
}

// --device for a program that drives the wire of a simulated core (vmq-sim,
// vmq-demo, vmq-live): the flag every program has, default and only value
// today sim: (this build's core). sim_device_refusal() is "" when `device`
// is one it runs on, else the message that refuses it.
inline CLI::Option* add_sim_device(CLI::App& app, std::string& device) {
  return app
      .add_option("-d,--device", device,
                  "the simulated device (docs/driver.md \"Naming a device\"); this program drives its "
                  "wire, so only sim: (the core of this build)")
      ->type_name("URI")
      ->capture_default_str();
}
inline std::string sim_device_refusal(const std::string& device, const std::string& prog) {
  if (device == "sim:") return "";
  return "--device " + device + ": " + prog +
         " drives the wire of a simulated core; the devices it runs on are: sim:";
}

// -1: parsed, go on; otherwise the exit code (0 after --help / --version,
// 2 for a refused command line, the message already printed).
inline int parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return -1;
}

}  // namespace vmq::cli
