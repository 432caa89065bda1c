"""Resolution Tracker's Processing algorithms for qgis_process (and QGIS without the C++ plugin).

qgis_process starts only the Python plugins that declare hasProcessingProvider=yes, and calls
their initProcessing(); it never loads C++ plugins. This plugin loads the C++ provider from
libresolutiontrackerprocessing.so (built by plugin/processing_shim/CMakeLists.txt and
installed beside this file) with ctypes and calls rt_processing_register(), which adds the
provider to QgsApplication.processingRegistry() of this same process. Enable it once:

    qgis_process plugins enable resolutiontracker_processing

In QGIS desktop the Resolution Tracker plugin registers the same provider in its initGui();
whichever comes first serves and the other adds nothing.
"""
import ctypes
import os

LIBRARY = "libresolutiontrackerprocessing.so"


class RtProcessingShim:
    def __init__(self):
        self._lib = None

    def initProcessing(self):
        if self._lib is None:
            path = os.path.join(os.path.dirname(os.path.abspath(__file__)), LIBRARY)
            # Never unloaded: the registry calls into the library until it removes the provider.
            self._lib = ctypes.CDLL(path)
            self._lib.rt_processing_register.restype = ctypes.c_int
            self._lib.rt_processing_unregister.restype = ctypes.c_int
        if self._lib.rt_processing_register() < 0:
            raise RuntimeError("Resolution Tracker: the Processing provider could not be registered")

    def initGui(self):
        self.initProcessing()

    def unload(self):
        if self._lib is not None:
            self._lib.rt_processing_unregister()


def classFactory(iface):  # noqa: N802 (QGIS's name)
    return RtProcessingShim()
