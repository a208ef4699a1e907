import { Route, Routes } from 'react-router-dom';
import { PieceList } from './pieces/PieceList';
import { PieceEditor } from './pieces/PieceEditor';
import { CollectionList } from './pieces/CollectionList';
import { CollectionEditor } from './pieces/CollectionEditor';

/** 案例集: pieces (案例、学习心得、论文、调研报告) and the collections compiled from them. */
export function PiecesPage() {
  return (
    <Routes>
      <Route index element={<PieceList />} />
      <Route path="new" element={<PieceEditor />} />
      <Route path="collections" element={<CollectionList />} />
      <Route path="collections/new" element={<CollectionEditor />} />
      <Route path="collections/:id" element={<CollectionEditor />} />
      <Route path=":id" element={<PieceEditor />} />
    </Routes>
  );
}
