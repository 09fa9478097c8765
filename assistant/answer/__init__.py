"""Answer backends: the offline extractive answerer (default) and LLM answerers through LangChain chat models."""
