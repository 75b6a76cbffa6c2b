// vmq::Error: how the driver library reports every refused argument, missing
// device, timeout and device fault. The message names the operation and the
// offending value ("alloc_queue: rx_ring_size 100 is not a power of two in
// 16..4096"); code() lets a caller branch without parsing text.
#pragma once

#include <stdexcept>
#include <string>

namespace vmq {

enum class Errc {
  InvalidArgument,  // an argument outside what the API documents
  NoDevice,         // no such device / backend cannot reach it
  Permission,       // the OS refused (not root, no CAP_SYS_ADMIN, ...)
  Busy,             // the object is in use (queue with filters, queue allocated twice)
  NoResources,      // no free queue / filter slot / DMA memory
  Timeout,          // the device did not reach a state in time
  DeviceError,      // the device reported a fault (queue in ERROR, bad ID registers)
  Unsupported,      // the backend cannot do this (interrupts over resource0)
};

inline const char* errc_name(Errc c) {
  switch (c) {
    case Errc::InvalidArgument: return "invalid argument";
    case Errc::NoDevice: return "no device";
    case Errc::Permission: return "permission denied";
    case Errc::Busy: return "busy";
    case Errc::NoResources: return "no resources";
    case Errc::Timeout: return "timeout";
    case Errc::DeviceError: return "device error";
    case Errc::Unsupported: return "unsupported";
  }
  return "error";
}

class Error : public std::runtime_error {
 public:
  Error(Errc c, const std::string& msg) : std::runtime_error(msg), code_(c) {}
  Errc code() const { return code_; }

 private:
  Errc code_;
};

}  // namespace vmq
