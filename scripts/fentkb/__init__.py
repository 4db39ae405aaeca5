"""The fentanyl-policy teaching module: knowledge base, generators and exports."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
QUIZZES_DIR = PROJECT_ROOT / "quizzes"
