#ifndef ESCSIM_CGSL_SHIM_H
#define ESCSIM_CGSL_SHIM_H

#include <gsl/gsl_version.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_qrng.h>

// GSL's generator types are mutable C globals, which Swift 6 refuses to read
// ("not concurrency-safe"); these accessors hand them over as plain values.
static inline const gsl_rng_type *escsim_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_qrng_type *escsim_gsl_qrng_sobol(void) { return gsl_qrng_sobol; }

// The runtime version (gsl_version is a mutable global, hence the accessor).
static inline const char *escsim_gsl_version(void) { return gsl_version; }

#endif
