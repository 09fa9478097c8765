"""The Gradio web app over `assistant.service.Assistant` (gradio is imported only by ui.app, on demand).

    from ui.app import create_app, launch
    launch(create_app(assistant, settings))
"""
