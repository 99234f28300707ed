// The short OpenMP spin of OpenMpWaiting.hpp: the program re-executes itself with
// GOMP_SPINCOUNT set before libgomp has read its environment.
#include "core/numerics/OpenMpWaiting.hpp"

#include <sys/auxv.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

extern "C" const int dermasim_openmp_waiting_anchor = 0;

namespace {

bool isSet(char* const* envp, const char* name) {
  const std::size_t length = std::strlen(name);
  for (char* const* e = envp; *e != nullptr; ++e)
    if (std::strncmp(*e, name, length) == 0 && (*e)[length] == '=') return true;
  return false;
}

// Runs from .preinit_array, before any library's constructor and before any thread exists. A
// setenv() here does not work: libc's own initialiser, which runs next, puts the original
// environment back, and libgomp reads that. So the program is started again, same process,
// same arguments, with the variable added: then it is set, and it is not started a third time.
// Should the exec fail (no /proc), the program runs on with libgomp's default. A debugger sees
// the one exec; setting GOMP_SPINCOUNT avoids it.
void limitOpenMpSpinning(int /*argc*/, char** argv, char** envp) {
  if (argv == nullptr || envp == nullptr) return;
  // No interpreter: started as `ld.so program ...`, where /proc/self/exe is the loader.
  if (::getauxval(AT_BASE) == 0) return;
  if (isSet(envp, "GOMP_SPINCOUNT") || isSet(envp, "OMP_WAIT_POLICY")) return;
  static std::string setting = "GOMP_SPINCOUNT=" + std::to_string(dermasim::kOpenMpSpinCount);
  std::vector<char*> environment;
  for (char** e = envp; *e != nullptr; ++e) environment.push_back(*e);
  environment.push_back(setting.data());
  environment.push_back(nullptr);
  ::execve("/proc/self/exe", argv, environment.data());
}

// Only an executable's .preinit_array runs; the core is a static library, so this lands in the
// program that links it.
[[gnu::section(".preinit_array"),
  gnu::used]] void (*const kLimitOpenMpSpinning)(int, char**, char**) = limitOpenMpSpinning;

}  // namespace
