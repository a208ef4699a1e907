; 督导档案 — NSIS customisations, included by electron-builder's installer script (read as UTF-8).
;
; The archive (by default %APPDATA%\督导档案\档案, or the folder chosen in 文件 > 更改档案文件夹…)
; holds the office's records. Uninstalling removes the program only: electron-builder.yml keeps
; deleteAppDataOnUninstall false, and this note tells the user so. Updates (isUpdated) say nothing.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DetailPrint "档案数据保留在档案文件夹中，没有删除。"
    ${ifNot} ${Silent}
      MessageBox MB_OK|MB_ICONINFORMATION "卸载只删除督导档案程序本身。$\r$\n$\r$\n档案文件夹中的全部档案数据都保留在原处，重新安装后即可继续使用；如确实不再需要，请手动删除档案文件夹。" /SD IDOK
    ${endIf}
  ${endIf}
!macroend
