"""Copies the top-level ontology/, queries/ and data/authorities/ into the wheel.

They live at the top of the repository (DESIGN layout) but an installed kg
needs them too: ``kg.resources`` finds them under ``kg/_resources/``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = {"ontology": "ontology", "queries": "queries", "authorities": "data/authorities"}


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).parent
        for name, source in RESOURCES.items():
            target = Path(self.build_lib) / "kg" / "_resources" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(root / source, target)


setup(cmdclass={"build_py": BuildWithResources})
